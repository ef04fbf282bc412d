import {
  severityFromAsff,
  severityFromGuardDuty,
  severityFromInspector,
} from './severity';

describe('severityFromAsff', () => {
  it('takes Severity.Label over a Normalized value that disagrees', () => {
    // The GuardDuty sample in ASFF: label LOW with Normalized 40 (a MEDIUM band).
    expect(severityFromAsff({ Label: 'LOW', Normalized: 40 })).toBe('LOW');
  });

  it.each([
    [0, 'INFORMATIONAL'],
    [1, 'LOW'],
    [39, 'LOW'],
    [40, 'MEDIUM'],
    [69, 'MEDIUM'],
    [70, 'HIGH'],
    [89, 'HIGH'],
    [90, 'CRITICAL'],
    [100, 'CRITICAL'],
  ] as const)(
    'bands Normalized %p as %s when there is no label',
    (normalized, expected) => {
      expect(severityFromAsff({ Normalized: normalized })).toBe(expected);
    },
  );

  it('is untriaged with neither label nor normalized value', () => {
    expect(severityFromAsff(undefined)).toBe('UNTRIAGED');
  });
});

describe('severityFromGuardDuty', () => {
  it.each([
    [1, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [5, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ] as const)('bands %p as %s', (severity, expected) => {
    expect(severityFromGuardDuty(severity)).toBe(expected);
  });
});

describe('severityFromInspector', () => {
  it('keeps UNTRIAGED and maps unknown labels to it', () => {
    expect(severityFromInspector('UNTRIAGED')).toBe('UNTRIAGED');
    expect(severityFromInspector('HIGH')).toBe('HIGH');
    expect(severityFromInspector('BOGUS')).toBe('UNTRIAGED');
  });
});
