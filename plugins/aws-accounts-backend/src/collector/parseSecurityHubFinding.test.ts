import { loadFixture } from '../__fixtures__/loadFixture';
import { parseSecurityHubFinding } from './parseSecurityHubFinding';

describe('parseSecurityHubFinding', () => {
  it('reads the control id of consolidated findings from Compliance.SecurityControlId', () => {
    const { findings } = loadFixture(
      'securityhub/consolidated-control-findings.json',
    );
    const consolidated = findings.find((f: any) =>
      f.GeneratorId.startsWith('security-control/'),
    );
    const parsed = parseSecurityHubFinding(consolidated, 'eu-west-1')!;
    expect(parsed.controlId).toBe('CloudTrail.2');
    expect(parsed.complianceStatus).toBe('FAILED');
    expect(parsed.active).toBe(true);

    // A CIS per-standard finding still maps to the FSBP control, not to "5.1.1".
    const cis = parseSecurityHubFinding(findings[1], 'eu-west-1')!;
    expect(cis.controlId).toBe('EC2.7');
  });

  it('reads the control id of older per-standard FSBP findings from ProductFields.ControlId', () => {
    const { findings } = loadFixture(
      'securityhub/get-findings-fsbp-controls.json',
    );
    const parsed = findings.map(
      (f: any) => parseSecurityHubFinding(f, 'us-east-1')!,
    );
    expect(parsed.map((f: any) => f.controlId)).toEqual([
      'IAM.5',
      'SSM.2',
      'ELBv2.1',
    ]);
    // PASSED control findings are not active findings to count.
    expect(parsed.every((f: any) => f.active === false)).toBe(true);
    expect(parsed.every((f: any) => f.complianceStatus === 'PASSED')).toBe(
      true,
    );
  });

  it('takes the Region from the finding, not the Region that was called', () => {
    const { findings } = loadFixture(
      'securityhub/consolidated-control-findings.json',
    );
    const parsed = parseSecurityHubFinding(findings[0], 'eu-west-1')!;
    expect(parsed.region).toBe('us-east-2');
  });

  it('keeps product findings (GuardDuty in ASFF) active with their label severity', () => {
    const { Findings } = loadFixture('securityhub/get-findings-guardduty.json');
    const parsed = Findings.map(
      (f: any) => parseSecurityHubFinding(f, 'eu-west-1')!,
    );
    expect(parsed.map((f: any) => f.severity)).toEqual([
      'MEDIUM',
      'MEDIUM',
      'LOW',
      'LOW',
    ]);
    expect(
      parsed.every((f: any) => f.active && f.controlId === undefined),
    ).toBe(true);
    expect(parsed.every((f: any) => f.region === 'us-east-1')).toBe(true);
  });

  it('reads vulnerability details of Inspector findings in ASFF', () => {
    const { Findings } = loadFixture(
      'securityhub/get-findings-inspector-ec2-cve.json',
    );
    const parsed = parseSecurityHubFinding(Findings[1], 'us-east-1')!;
    expect(parsed.accountId).toBe('111111111111');
    expect(parsed.severity).toBe('CRITICAL');
    expect(parsed.vulnerabilityId).toMatch(/^CVE-/);
    expect(parsed.resourceType).toBe('AwsEc2Instance');
  });

  it('treats archived and suppressed findings as not active', () => {
    const { Findings } = loadFixture('securityhub/get-findings-guardduty.json');
    const archived = parseSecurityHubFinding(
      { ...Findings[0], RecordState: 'ARCHIVED' },
      'us-east-1',
    )!;
    const suppressed = parseSecurityHubFinding(
      { ...Findings[0], Workflow: { Status: 'SUPPRESSED' } },
      'us-east-1',
    )!;
    expect(archived.active).toBe(false);
    expect(suppressed.active).toBe(false);
  });
});
