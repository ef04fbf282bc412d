import { loadFixture } from '../__fixtures__/loadFixture';
import { parseSecurityHubFinding } from './parseSecurityHubFinding';
import {
  ControlFinding,
  controlStatusOf,
  countControls,
  evaluateControls,
  securityScore,
} from './securityHubControls';

const finding = (overrides: Partial<ControlFinding>): ControlFinding => ({
  controlId: 'EC2.8',
  complianceStatus: 'PASSED',
  recordState: 'ACTIVE',
  workflowStatus: 'NEW',
  severity: 'HIGH',
  region: 'us-east-1',
  title: 'EC2 control',
  ...overrides,
});

describe('controlStatusOf (console rules)', () => {
  it('is PASSED when all remaining findings passed', () => {
    expect(controlStatusOf([finding({}), finding({})])).toBe('PASSED');
  });

  it('is FAILED when any finding failed', () => {
    expect(
      controlStatusOf([finding({}), finding({ complianceStatus: 'FAILED' })]),
    ).toBe('FAILED');
  });

  it('is UNKNOWN for WARNING or NOT_AVAILABLE without a failure', () => {
    expect(
      controlStatusOf([finding({}), finding({ complianceStatus: 'WARNING' })]),
    ).toBe('UNKNOWN');
    expect(
      controlStatusOf([finding({ complianceStatus: 'NOT_AVAILABLE' })]),
    ).toBe('UNKNOWN');
  });

  it('ignores archived and suppressed findings, leaving NO_DATA', () => {
    expect(
      controlStatusOf([
        finding({ complianceStatus: 'FAILED', recordState: 'ARCHIVED' }),
        finding({ complianceStatus: 'FAILED', workflowStatus: 'SUPPRESSED' }),
      ]),
    ).toBe('NO_DATA');
  });
});

describe('securityScore', () => {
  it('is passed over passed+failed+unknown, whole percent, no-data left out', () => {
    const controls = evaluateControls([
      finding({ controlId: 'A.1' }),
      finding({ controlId: 'A.2' }),
      finding({ controlId: 'A.3', complianceStatus: 'FAILED' }),
      finding({ controlId: 'A.4', complianceStatus: 'WARNING' }),
      finding({ controlId: 'A.5', recordState: 'ARCHIVED' }),
    ]);
    const counts = countControls(controls);
    expect(counts).toEqual({ passed: 2, failed: 1, unknown: 1, noData: 1 });
    expect(securityScore(counts)).toBe(50);
  });

  it('is null when no control has data', () => {
    expect(
      securityScore({ passed: 0, failed: 0, unknown: 0, noData: 3 }),
    ).toBeNull();
  });

  it('scores the sample control findings of both formats', () => {
    const consolidated = loadFixture(
      'securityhub/consolidated-control-findings.json',
    );
    const older = loadFixture('securityhub/get-findings-fsbp-controls.json');
    const parsed = [...consolidated.findings, ...older.findings].map(
      (f: any) => parseSecurityHubFinding(f, 'us-east-1')!,
    );
    const controls = evaluateControls(parsed);
    // CloudTrail.2 and EC2.7 failed; IAM.5, SSM.2 and ELBv2.1 passed.
    expect(
      controls
        .filter(c => c.status === 'FAILED')
        .map(c => c.controlId)
        .sort(),
    ).toEqual(['CloudTrail.2', 'EC2.7']);
    expect(securityScore(countControls(controls))).toBe(60);
  });
});
