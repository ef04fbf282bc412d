import { isAwsAccountId } from './annotations';

describe('isAwsAccountId', () => {
  it('accepts exactly twelve digits', () => {
    expect(isAwsAccountId('012345678901')).toBe(true);
  });

  it.each([
    ['12345678901'],
    ['1234567890123'],
    ['01234567890a'],
    [''],
    [123456789012],
  ])('rejects %p', value => {
    expect(isAwsAccountId(value)).toBe(false);
  });
});
