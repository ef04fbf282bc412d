import { Entity } from '@backstage/catalog-model';
import {
  AccountSummary,
  Finding,
  OrganizationSummary,
  PostureSnapshot,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AwsAccountsApi } from '../api';

/** Severity counts with the given values and zero elsewhere. */
export function counts(values: Partial<SeverityCounts> = {}): SeverityCounts {
  return {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
    ...values,
  };
}

/** The payments-dev account entity of the shared seed. */
export const paymentsDevEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'aws-account-500000000003',
    title: 'payments-dev',
    annotations: { 'amazonaws.com/account-id': '500000000003' },
  },
  spec: { type: 'aws-account', owner: 'group:default/team-payments' },
};

/** A posture of payments-dev, failing several baseline checks. */
export function paymentsDevPosture(
  overrides: Partial<PostureSnapshot> = {},
): PostureSnapshot {
  return {
    accountId: '500000000003',
    collectedAt: '2026-12-03T12:00:00.000Z',
    regions: ['us-east-1', 'eu-west-1'],
    score: 62,
    controls: { passed: 31, failed: 19, unknown: 1, noData: 2 },
    findings: {
      securityhub: counts({ CRITICAL: 2, HIGH: 7, MEDIUM: 12 }),
      guardduty: counts({ HIGH: 1 }),
      inspector: counts({ CRITICAL: 3, HIGH: 14, MEDIUM: 40, LOW: 9 }),
      accessAnalyzer: { active: 1 },
    },
    config: { compliant: 40, nonCompliant: 9 },
    inspectorCoverage: { covered: 12, byResourceType: { AWS_EC2_INSTANCE: 4 } },
    services: [
      {
        service: 'securityhub',
        region: 'us-east-1',
        state: 'ON',
        standards: ['AWS Foundational Security Best Practices'],
      },
      { service: 'guardduty', region: 'us-east-1', state: 'ON' },
      {
        service: 'inspector-lambda',
        region: 'eu-west-1',
        state: 'OFF',
        reason: 'Lambda scanning is not activated for the account',
      },
      {
        service: 'config',
        region: 'eu-west-1',
        state: 'UNKNOWN',
        reason: 'AccessDenied on DescribeConfigurationRecorderStatus',
      },
    ],
    checks: [
      {
        checkId: 'imdsv2',
        title: 'EC2 instances require IMDSv2',
        layer: 'instance',
        status: 'FAIL',
        source: 'direct',
        controlIds: ['EC2.8'],
        regions: ['us-east-1'],
        evidence: [
          {
            resourceId: 'i-0abc1234def567890',
            resourceType: 'AwsEc2Instance',
            region: 'us-east-1',
            detail: 'HttpTokens is optional',
          },
        ],
        remediation:
          'Set HttpTokens to required on each listed instance (aws ec2 modify-instance-metadata-options --http-tokens required).',
      },
      {
        checkId: 'guardduty',
        title: 'GuardDuty detector enabled',
        layer: 'account',
        status: 'PASS',
        source: 'securityhub',
        controlIds: ['GuardDuty.1'],
        regions: ['us-east-1', 'eu-west-1'],
        evidence: [],
        remediation: 'Enable GuardDuty for the account.',
      },
      {
        checkId: 'kms-rotation',
        title: 'Customer-managed KMS keys rotate',
        layer: 'account',
        status: 'UNKNOWN',
        source: 'direct',
        controlIds: ['KMS.4'],
        regions: [],
        evidence: [],
        reason: 'kms:ListKeys was denied in eu-west-1',
        remediation: 'Enable automatic rotation on each listed key.',
      },
    ],
    topFailingControls: [
      {
        controlId: 'EC2.8',
        title: 'EC2 instances should use IMDSv2',
        status: 'FAILED',
        severity: 'HIGH',
        failedResourceCount: 3,
      },
    ],
    topGuardDutyFindings: [
      {
        id: 'gd-1',
        arn: 'arn:aws:guardduty:us-east-1:222222222222:detector/d/finding/f1',
        accountId: '500000000003',
        region: 'us-east-1',
        source: 'guardduty',
        severity: 'HIGH',
        status: 'ACTIVE',
        title: 'EC2 instance is querying a domain name associated with Bitcoin',
        type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
        updatedAt: '2026-12-03T11:00:00.000Z',
        consoleUrl: 'https://console.aws.amazon.com/guardduty/home',
      },
    ],
    errors: [],
    ...overrides,
  };
}

/** An Inspector package vulnerability finding. */
export function inspectorFinding(
  id: string,
  overrides: Partial<Finding> = {},
): Finding {
  return {
    id,
    arn: `arn:aws:inspector2:us-east-1:500000000003:finding/${id}`,
    accountId: '500000000003',
    region: 'us-east-1',
    source: 'inspector',
    severity: 'CRITICAL',
    status: 'ACTIVE',
    title: `CVE-2024-${id} - openssl`,
    description: 'A buffer overread in openssl.',
    vulnerabilityId: `CVE-2024-${id}`,
    vulnerabilityUrl: `https://nvd.nist.gov/vuln/detail/CVE-2024-${id}`,
    packageName: 'openssl',
    installedVersion: '3.0.1',
    fixedVersion: '3.0.14',
    resourceType: 'AWS_EC2_INSTANCE',
    resourceId: 'i-0abc1234def567890',
    resourceLabel: 'payments-api',
    inspectorScore: 9.8,
    cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    exploitAvailable: true,
    fixAvailable: 'YES',
    firstObservedAt: '2026-11-01T00:00:00.000Z',
    lastObservedAt: '2026-12-03T00:00:00.000Z',
    updatedAt: '2026-12-03T00:00:00.000Z',
    consoleUrl: 'https://console.aws.amazon.com/inspector/v2/home',
    ...overrides,
  };
}

/** Organization accounts of the shared seed, a few of them. */
export const organizationAccounts: AccountSummary[] = [
  {
    accountId: '500000000001',
    name: 'payments-prod',
    organizationalUnitPath: 'Root/Workloads/Prod',
    environment: 'prod',
    owner: 'team-payments',
    score: 100,
    findings: counts(),
    failingChecks: 0,
    collectedAt: '2026-12-03T12:00:00.000Z',
  },
  {
    accountId: '500000000003',
    name: 'payments-dev',
    organizationalUnitPath: 'Root/Workloads/Dev',
    environment: 'dev',
    owner: 'team-payments',
    score: 62,
    findings: counts({ CRITICAL: 3 }),
    failingChecks: 5,
    collectedAt: '2026-12-03T12:00:00.000Z',
  },
  {
    accountId: '600000000001',
    name: 'orders-prod',
    organizationalUnitPath: 'Root/Workloads/Prod',
    environment: 'prod',
    owner: 'team-orders',
    score: null,
    findings: null,
    failingChecks: 0,
    readError: {
      reason: 'AccessDenied assuming BackstagePostureReadRole',
      since: '2026-12-01T00:00:00.000Z',
    },
  },
];

/** The organization summary matching {@link organizationAccounts}. */
export const organizationSummary: OrganizationSummary = {
  accounts: 3,
  averageScore: 81,
  findings: counts({ CRITICAL: 3 }),
  byOrganizationalUnit: [
    {
      key: 'Root/Workloads/Prod',
      accounts: 2,
      averageScore: 100,
      findings: counts(),
      failingChecks: 0,
    },
    {
      key: 'Root/Workloads/Dev',
      accounts: 1,
      averageScore: 62,
      findings: counts({ CRITICAL: 3 }),
      failingChecks: 5,
    },
  ],
  byEnvironment: [
    {
      key: 'dev',
      accounts: 1,
      averageScore: 62,
      findings: counts({ CRITICAL: 3 }),
      failingChecks: 5,
    },
  ],
  trend: [
    { date: '2026-12-01', averageScore: 75, critical: 6 },
    { date: '2026-12-03', averageScore: 81, critical: 3 },
  ],
  unreadable: [
    {
      accountId: '600000000001',
      name: 'orders-prod',
      reason: 'AccessDenied assuming BackstagePostureReadRole',
      since: '2026-12-01T00:00:00.000Z',
    },
  ],
};

/** An API whose every method is a jest mock that fails unless set up. */
export function mockAwsAccountsApi(): jest.Mocked<AwsAccountsApi> {
  const api: jest.Mocked<AwsAccountsApi> = {
    listAccounts: jest.fn(),
    getPosture: jest.fn(),
    getHistory: jest.fn(),
    listFindings: jest.fn(),
    getFinding: jest.fn(),
    refreshPosture: jest.fn(),
    getOrganizationSummary: jest.fn(),
    listOrganizationalUnits: jest.fn(),
    listServiceCatalogProducts: jest.fn(),
  };
  for (const [name, method] of Object.entries(api)) {
    method.mockImplementation(() =>
      Promise.reject(new Error(`unexpected call to ${name}`)),
    );
  }
  return api;
}

/** A `ResponseError`-shaped rejection, as the client throws it. */
export async function responseError(status: number, message: string) {
  const { ResponseError } = await import('@backstage/errors');
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: message,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}
