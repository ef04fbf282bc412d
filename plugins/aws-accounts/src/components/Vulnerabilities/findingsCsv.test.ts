import { inspectorFinding } from '../../__testUtils__/fixtures';
import { findingsToCsv } from './findingsCsv';

describe('findingsToCsv', () => {
  it('guards cells that a spreadsheet would run as formulas', () => {
    const csv = findingsToCsv([
      inspectorFinding('1', { title: '=HYPERLINK("http://x")' }),
    ]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('leaves missing fields empty', () => {
    const csv = findingsToCsv([
      inspectorFinding('1', {
        packageName: undefined,
        fixedVersion: undefined,
      }),
    ]);
    const [header, row] = csv.split('\r\n');
    const packageIndex = header.split(',').indexOf('package');
    expect(row.split(',')[packageIndex]).toBe('');
  });
});
