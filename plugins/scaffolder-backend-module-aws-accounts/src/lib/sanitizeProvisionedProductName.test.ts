import { sanitizeProvisionedProductName } from './sanitizeProvisionedProductName';

describe('sanitizeProvisionedProductName', () => {
  it('keeps a valid name', () => {
    expect(sanitizeProvisionedProductName('payments-dev_1.2')).toBe(
      'payments-dev_1.2',
    );
  });

  it('replaces what AWS refuses and trims to 128 characters', () => {
    expect(sanitizeProvisionedProductName('  -Payments Dev (EU)! ')).toBe(
      'Payments-Dev-EU',
    );
    expect(sanitizeProvisionedProductName('a'.repeat(200))).toHaveLength(128);
  });

  it('says what to do when nothing usable is left', () => {
    expect(() => sanitizeProvisionedProductName('---')).toThrow(
      'give provisionedProductName with letters or digits',
    );
  });
});
