import { FINDING_STREAMS, Random } from '../../seed/findings/Random';
import {
  SECURITY_CONTROLS,
  SecurityControl,
} from '../../seed/findings/securityControls';
import { VULNERABILITY_CATALOG } from '../../seed/findings/vulnerabilityCatalog';
import { hexDigest, resourceId, uuidFrom } from '../../seed/resourceId';
import type { AccountProfile } from '../../state/SandboxState';
import { FINDINGS_EPOCH_SECONDS } from '../inspector2/inspectorFindings';

export const SECURITY_HUB_COLUMNS = [
  'kind',
  'control',
  'securityControl',
  'complianceStatus',
  'severity',
  'recordState',
  'workflow',
  'region',
  'product',
] as const;
export type SecurityHubColumn = (typeof SECURITY_HUB_COLUMNS)[number];

/** Labels of the column codes. */
export const SH_KINDS = [
  'control',
  'control-legacy',
  'inspector',
  'guardduty',
] as const;
export const SH_CONTROL_IDS = ['', ...SECURITY_CONTROLS.map(c => c.id)];
export const SH_COMPLIANCE = [
  '',
  'PASSED',
  'FAILED',
  'WARNING',
  'NOT_AVAILABLE',
] as const;
export const SH_SEVERITIES = [
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
] as const;
export const SH_NORMALIZED = [0, 30, 50, 70, 90];
export const SH_RECORD_STATES = ['ACTIVE', 'ARCHIVED'] as const;
export const SH_WORKFLOW = [
  'NEW',
  'NOTIFIED',
  'RESOLVED',
  'SUPPRESSED',
] as const;
export const SH_PRODUCTS = ['Security Hub', 'Inspector', 'GuardDuty'] as const;

const DAY = 86400;
const FSBP = 'aws-foundational-security-best-practices/v/1.0.0';
/** Findings every subscribed account has besides controls and products. */
const EXTRA_FINDINGS = 2;

export interface SecurityHubAttributes
  extends Record<SecurityHubColumn, number> {
  updatedAt: number;
}

/** Control findings per Region, two extras, then product findings. */
export function securityHubFindingCount(
  profile: AccountProfile,
  regionCount: number,
): number {
  if (!profile.securityHubSubscribed || profile.baseline === 'fresh') {
    return 0;
  }
  return (
    SECURITY_CONTROLS.length * regionCount + EXTRA_FINDINGS + profile.findings
  );
}

function controlFails(control: SecurityControl, profile: AccountProfile) {
  return profile.baseline === 'noncompliant' && control.failsInNoncompliant;
}

/**
 * The filterable attributes of finding `local` of an account. Control
 * findings follow the account's baseline profile, so a noncompliant
 * account fails EC2.8, EC2.7, S3.1, EC2.6, EC2.13 and EC2.19 here exactly
 * as in the direct APIs. In the home Region they are consolidated control
 * findings; elsewhere the older per-standard format. The two extras are a
 * FAILED finding that is ARCHIVED and one that is SUPPRESSED: both must be
 * ignored when control status is computed. `control` is the control of
 * any control finding; `securityControl` only of those that carry
 * `Compliance.SecurityControlId` (the consolidated ones), which is what the
 * ComplianceSecurityControlId filter matches.
 */
export function securityHubAttributes(
  accountId: string,
  local: number,
  profile: AccountProfile,
  regionCount: number,
): SecurityHubAttributes {
  const controls = SECURITY_CONTROLS.length;
  const random = Random.forFinding(
    FINDING_STREAMS.securityHub,
    accountId,
    local,
  );
  if (local < controls * regionCount) {
    const control = SECURITY_CONTROLS[local % controls];
    const region = Math.floor(local / controls);
    const failed = controlFails(control, profile);
    return {
      kind: region === 0 ? 0 : 1,
      control: (local % controls) + 1,
      securityControl: region === 0 ? (local % controls) + 1 : 0,
      complianceStatus: failed ? 2 : 1,
      severity: failed ? SH_SEVERITIES.indexOf(control.severity) : 0,
      recordState: 0,
      workflow: failed ? 0 : 2,
      region,
      product: 0,
      updatedAt: FINDINGS_EPOCH_SECONDS - Math.floor((random.next() * DAY) / 4),
    };
  }
  if (local < controls * regionCount + EXTRA_FINDINGS) {
    const archived = local === controls * regionCount;
    const control = archived ? 'EC2.8' : 'ELB.1';
    return {
      kind: 0,
      control: SH_CONTROL_IDS.indexOf(control),
      securityControl: SH_CONTROL_IDS.indexOf(control),
      complianceStatus: 2,
      severity: archived ? 3 : 2,
      recordState: archived ? 1 : 0,
      workflow: archived ? 0 : 3,
      region: 0,
      product: 0,
      updatedAt:
        FINDINGS_EPOCH_SECONDS - 10 * DAY - Math.floor(random.next() * DAY),
    };
  }
  const inspector = random.next() < 0.65;
  return {
    kind: inspector ? 2 : 3,
    control: 0,
    securityControl: 0,
    complianceStatus: 0,
    severity: random.weighted([
      [0, 5],
      [1, 30],
      [2, 35],
      [3, 22],
      [4, 8],
    ] as const),
    recordState: random.next() < 0.1 ? 1 : 0,
    workflow: random.weighted([
      [0, 70],
      [1, 15],
      [2, 10],
      [3, 5],
    ] as const),
    region: random.next() < 0.75 || regionCount < 2 ? 0 : 1,
    product: inspector ? 1 : 2,
    updatedAt: FINDINGS_EPOCH_SECONDS - Math.floor(random.next() * 120 * DAY),
  };
}

function iso(seconds: number) {
  return new Date(seconds * 1000).toISOString();
}

function severityOf(code: number) {
  const label = SH_SEVERITIES[code];
  return { Label: label, Normalized: SH_NORMALIZED[code], Original: label };
}

function controlResource(
  control: SecurityControl,
  accountId: string,
  region: string,
  failed: boolean,
) {
  const vpc = (name: string) => resourceId('vpc', accountId, region, name);
  const sg = (name: string) =>
    resourceId(
      'sg',
      accountId,
      region,
      name === 'bastion' ? vpc('legacy') : vpc('workload'),
      name,
    );
  let id: string;
  switch (control.resourceType) {
    case 'AwsEc2Instance':
      id = `arn:aws:ec2:${region}:${accountId}:instance/${resourceId(
        'i',
        accountId,
        region,
        failed ? 'legacy-worker' : 'app-1',
      )}`;
      break;
    case 'AwsEc2Vpc':
      id = `arn:aws:ec2:${region}:${accountId}:vpc/${vpc(
        failed ? 'legacy' : 'workload',
      )}`;
      break;
    case 'AwsEc2SecurityGroup':
      id = `arn:aws:ec2:${region}:${accountId}:security-group/${sg(
        failed ? 'bastion' : 'app',
      )}`;
      break;
    case 'AwsEc2Subnet':
      id = `arn:aws:ec2:${region}:${accountId}:subnet/${resourceId(
        'subnet',
        accountId,
        region,
        'workload',
        'app',
        'a',
      )}`;
      break;
    case 'AwsAccount':
      id = `AWS::::Account:${accountId}`;
      break;
    default:
      id = `arn:aws:${control.id
        .split('.')[0]
        .toLowerCase()}:${region}:${accountId}:resource/${hexDigest(
        `${accountId}/${control.id}`,
        12,
      )}`;
  }
  return {
    Type: control.resourceType,
    Id: id,
    Partition: 'aws',
    Region: region,
  };
}

function controlFinding(
  accountId: string,
  a: SecurityHubAttributes,
  region: string,
) {
  const control = SECURITY_CONTROLS[a.control - 1];
  const failed = a.complianceStatus === 2;
  const consolidated = a.kind === 0;
  const resource = controlResource(
    control,
    accountId,
    region,
    failed && a.recordState === 0 && a.workflow !== 3,
  );
  const findingId = consolidated
    ? `arn:aws:securityhub:${region}:${accountId}:security-control/${
        control.id
      }/finding/${uuidFrom(
        accountId,
        region,
        control.id,
        a.recordState,
        a.workflow,
      )}`
    : `arn:aws:securityhub:${region}:${accountId}:subscription/${FSBP}/${
        control.id
      }/finding/${uuidFrom(accountId, region, control.id)}`;
  const productFields: Record<string, string> = consolidated
    ? {
        'RelatedAWSResources:0/name': `securityhub-${control.id
          .toLowerCase()
          .replace('.', '-')}-${hexDigest(accountId, 8)}`,
        'RelatedAWSResources:0/type': 'AWS::Config::ConfigRule',
        'aws/securityhub/ProductName': 'Security Hub',
        'aws/securityhub/CompanyName': 'AWS',
        'Resources:0/Id': resource.Id,
        'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/securityhub/${findingId}`,
      }
    : {
        StandardsArn: `arn:aws:securityhub:::standards/${FSBP}`,
        StandardsSubscriptionArn: `arn:aws:securityhub:${region}:${accountId}:subscription/${FSBP}`,
        ControlId: control.id,
        RecommendationUrl: `https://docs.aws.amazon.com/console/securityhub/${control.id}/remediation`,
        StandardsControlArn: `arn:aws:securityhub:${region}:${accountId}:control/${FSBP}/${control.id}`,
        'aws/securityhub/ProductName': 'Security Hub',
        'aws/securityhub/CompanyName': 'AWS',
        'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/securityhub/${findingId}`,
      };
  const severity = severityOf(a.severity);
  return {
    SchemaVersion: '2018-10-08',
    Id: findingId,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/securityhub`,
    ProductName: 'Security Hub',
    CompanyName: 'AWS',
    Region: region,
    GeneratorId: consolidated
      ? `security-control/${control.id}`
      : `${FSBP}/${control.id}`,
    AwsAccountId: accountId,
    Types: [
      'Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices',
    ],
    FirstObservedAt: iso(a.updatedAt - 200 * DAY),
    LastObservedAt: iso(a.updatedAt),
    CreatedAt: iso(a.updatedAt - 200 * DAY),
    UpdatedAt: iso(a.updatedAt),
    Severity: severity,
    Title: consolidated ? control.title : `${control.id} ${control.title}`,
    Description: `This control checks: ${control.title}.`,
    Remediation: {
      Recommendation: {
        Text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
        Url: `https://docs.aws.amazon.com/console/securityhub/${control.id}/remediation`,
      },
    },
    ProductFields: productFields,
    Resources: [resource],
    Compliance: consolidated
      ? {
          Status: SH_COMPLIANCE[a.complianceStatus],
          SecurityControlId: control.id,
          AssociatedStandards: [{ StandardsId: `standards/${FSBP}` }],
        }
      : { Status: SH_COMPLIANCE[a.complianceStatus] },
    WorkflowState: a.workflow === 2 ? 'RESOLVED' : 'NEW',
    Workflow: { Status: SH_WORKFLOW[a.workflow] },
    RecordState: SH_RECORD_STATES[a.recordState],
    FindingProviderFields: {
      Severity: { Label: severity.Label, Original: severity.Original },
      Types: [
        'Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices',
      ],
    },
  };
}

function productFinding(
  accountId: string,
  local: number,
  a: SecurityHubAttributes,
  region: string,
) {
  const random = Random.forFinding(
    FINDING_STREAMS.securityHubProduct,
    accountId,
    local,
  );
  const severity = severityOf(a.severity);
  const common = {
    SchemaVersion: '2018-10-08',
    Region: region,
    AwsAccountId: accountId,
    CompanyName: 'Amazon',
    FirstObservedAt: iso(a.updatedAt - 30 * DAY),
    LastObservedAt: iso(a.updatedAt),
    CreatedAt: iso(a.updatedAt - 30 * DAY),
    UpdatedAt: iso(a.updatedAt),
    Severity: severity,
    WorkflowState: 'NEW',
    Workflow: { Status: SH_WORKFLOW[a.workflow] },
    RecordState: SH_RECORD_STATES[a.recordState],
    FindingProviderFields: {
      Severity: { Label: severity.Label, Original: severity.Label },
    },
  };
  const instanceId = resourceId('i', accountId, region, 'inspected', local % 5);
  if (a.kind === 2) {
    const v =
      VULNERABILITY_CATALOG[random.integer(VULNERABILITY_CATALOG.length)];
    const arn = `arn:aws:inspector2:${region}:${accountId}:finding/${hexDigest(
      `sh/${accountId}/${local}`,
      32,
    )}`;
    return {
      ...common,
      Id: arn,
      ProductArn: `arn:aws:securityhub:${region}::product/aws/inspector`,
      ProductName: 'Inspector',
      GeneratorId: 'AWSInspector',
      Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
      Title: `${v.id} - ${v.packageName}`,
      Description: v.description,
      Remediation: {
        Recommendation: {
          Text: v.fixedInVersion
            ? `Upgrade ${v.packageName} to ${v.fixedInVersion}`
            : 'None Provided',
        },
      },
      ProductFields: {
        'aws/inspector/ProductVersion': '2',
        'aws/inspector/FindingStatus': 'ACTIVE',
        'aws/inspector/inspectorScore': String(v.cvss?.score ?? ''),
        'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/inspector/${arn}`,
        'aws/securityhub/ProductName': 'Inspector',
        'aws/securityhub/CompanyName': 'Amazon',
      },
      Resources: [
        {
          Type: 'AwsEc2Instance',
          Id: `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`,
          Partition: 'aws',
          Region: region,
        },
      ],
      Vulnerabilities: [
        {
          Id: v.id,
          VulnerablePackages: [
            {
              Name: v.packageName,
              Version: v.version,
              PackageManager: v.packageManager,
              FixedInVersion: v.fixedInVersion,
            },
          ],
          Cvss: v.cvss
            ? [
                {
                  Version: v.cvss.version,
                  BaseScore: v.cvss.score,
                  BaseVector: v.cvss.vector,
                  Source: 'NVD',
                },
              ]
            : [],
          Vendor: {
            Name: 'NVD',
            Url: `https://nvd.nist.gov/vuln/detail/${v.id}`,
          },
          FixAvailable: v.fixedInVersion ? 'YES' : 'NO',
          ExploitAvailable: v.exploitAvailable ? 'YES' : 'NO',
        },
      ],
    };
  }
  const type = random.pick([
    'TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort',
    'TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce',
    'Effects/Resource Consumption/CryptoCurrency:EC2-BitcoinTool.B!DNS',
    'TTPs/Discovery/Recon:IAMUser-UserPermissions',
  ] as const);
  const id = hexDigest(`gd/${accountId}/${local}`, 32);
  const arn = `arn:aws:guardduty:${region}:${accountId}:detector/${hexDigest(
    `detector/${accountId}/${region}`,
    32,
  )}/finding/${id}`;
  return {
    ...common,
    Id: arn,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/guardduty`,
    ProductName: 'GuardDuty',
    GeneratorId: arn.replace(/\/finding\/.*$/, ''),
    Types: [type],
    Title: `GuardDuty finding ${type.split('/').pop()} on ${instanceId}`,
    Description: `GuardDuty observed activity matching ${type
      .split('/')
      .pop()}.`,
    ProductFields: {
      'aws/guardduty/service/archived': String(a.recordState === 1),
      'aws/guardduty/service/count': String(1 + random.integer(20)),
      'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/guardduty/${arn}`,
      'aws/securityhub/ProductName': 'GuardDuty',
      'aws/securityhub/CompanyName': 'Amazon',
    },
    Resources: [
      {
        Type: 'AwsEc2Instance',
        Id: `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`,
        Partition: 'aws',
        Region: region,
      },
    ],
  };
}

/** The whole ASFF finding `local` of an account. */
export function securityHubFinding(
  accountId: string,
  local: number,
  profile: AccountProfile,
  regions: readonly string[],
) {
  const a = securityHubAttributes(accountId, local, profile, regions.length);
  const region = regions[a.region];
  return a.kind <= 1
    ? controlFinding(accountId, a, region)
    : productFinding(accountId, local, a, region);
}
