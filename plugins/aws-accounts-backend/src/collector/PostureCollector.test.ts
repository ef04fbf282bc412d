import {
  AccessAnalyzerClient,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import {
  GetDetectorCommand,
  GetFindingsCommand as GetGuardDutyFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand as ListGuardDutyFindingsCommand,
} from '@aws-sdk/client-guardduty';
import {
  BatchGetAccountStatusCommand,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingAggregationsCommand,
  ListFindingsCommand as ListInspectorFindingsCommand,
} from '@aws-sdk/client-inspector2';
import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  GetFindingsCommand as GetSecurityHubFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ACMClient } from '@aws-sdk/client-acm';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AwsClientFactory } from '@sra-backstage/plugin-aws-accounts-node';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { PostureConfig } from '../config/readPostureConfig';
import { AccountRecord, AccountStore } from '../database/AccountStore';
import { FindingStore } from '../database/FindingStore';
import { migrationsDirectory } from '../database/migrateDatabase';
import { SnapshotStore } from '../database/SnapshotStore';
import { SyncStateStore } from '../database/SyncStateStore';
import { PostureCollector } from './PostureCollector';

jest.setTimeout(60_000);

const GOOD = '500000000001';
const DENIED = '600000000001';
const STRANGER = '999999999999';
const TOOLING = '222222222222';

const mocks = {
  hub: mockClient(SecurityHubClient),
  inspector: mockClient(Inspector2Client),
  guardDuty: mockClient(GuardDutyClient),
  config: mockClient(ConfigServiceClient),
  analyzer: mockClient(AccessAnalyzerClient),
  ec2: mockClient(EC2Client),
  s3control: mockClient(S3ControlClient),
  sts: mockClient(STSClient),
};

/** The workload services of the direct checks: empty, so not applicable. */
const workloadMocks = [
  mockClient(SSMClient),
  mockClient(ElasticLoadBalancingV2Client),
  mockClient(ACMClient),
  mockClient(WAFV2Client),
  mockClient(KMSClient),
  mockClient(SecretsManagerClient),
  mockClient(RDSClient),
];

const accounts: AccountRecord[] = [
  {
    accountId: GOOD,
    name: 'payments-prod',
    entityRef: `resource:default/aws-account-${GOOD}`,
    owner: 'group:default/team-payments',
    environment: 'prod',
  },
  {
    accountId: DENIED,
    name: 'orders-prod',
    entityRef: `resource:default/aws-account-${DENIED}`,
    owner: 'group:default/team-orders',
    environment: 'prod',
  },
];

function accessDenied(
  message = 'User is not authorized to perform: sts:AssumeRole',
) {
  return Object.assign(new Error(message), { name: 'AccessDenied' });
}

/**
 * Real SDK clients (answered by the mocks); any client for an account in
 * `denied` fails every call the way a missing role does.
 */
function clientFactory(denied: Set<string>): AwsClientFactory {
  return {
    async create(ClientClass, target) {
      const client = new ClientClass({
        region: target.region,
        credentials: async () => ({
          accessKeyId: 'test',
          secretAccessKey: 'test',
        }),
        retryMode: 'standard',
        maxAttempts: 1,
        customUserAgent: 'test',
      });
      if (target.accountId && denied.has(target.accountId)) {
        (client as unknown as { send: () => Promise<never> }).send =
          async () => {
            throw accessDenied();
          };
      }
      return client;
    },
  };
}

function asffFinding(
  accountId: string,
  id: string,
  overrides: Record<string, unknown> = {},
) {
  const [template] = loadFixture(
    'securityhub/get-findings-guardduty.json',
  ).Findings;
  return {
    ...template,
    Id: `arn:aws:securityhub:us-east-1:${accountId}:finding/${id}`,
    AwsAccountId: accountId,
    ...overrides,
  };
}

/** Answers every call the test does not set up with an empty response. */
function emptyByDefault(mock: {
  reset(): void;
  onAnyCommand(): { resolves(response: object): unknown };
}) {
  mock.reset();
  mock.onAnyCommand().resolves({});
}

function mockHealthyAws() {
  Object.values(mocks).forEach(mock => mock.reset());
  workloadMocks.forEach(emptyByDefault);
  const { findings: controls } = loadFixture(
    'securityhub/consolidated-control-findings.json',
  );
  mocks.hub.on(GetSecurityHubFindingsCommand).resolves({
    Findings: [
      asffFinding(GOOD, 'gd-1'),
      asffFinding(GOOD, 'gd-2', {
        Region: 'eu-west-1',
        Severity: { Label: 'HIGH', Normalized: 70 },
      }),
      asffFinding(DENIED, 'gd-3'),
      asffFinding(STRANGER, 'gd-4'),
      // A failed EC2.7 control for the good account, in the Region it names.
      {
        ...controls[2],
        Id: `arn:aws:securityhub:us-east-1:${GOOD}:control/ec2-7`,
        AwsAccountId: GOOD,
        Region: 'us-east-1',
      },
    ],
  });
  mocks.hub
    .on(DescribeHubCommand)
    .resolves({ HubArn: 'arn:aws:securityhub:us-east-1:1:hub/default' });
  mocks.hub.on(GetEnabledStandardsCommand).resolves({
    StandardsSubscriptions: [
      {
        StandardsSubscriptionArn: 's',
        StandardsArn:
          'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
        StandardsInput: {},
        StandardsStatus: 'READY',
      },
    ],
  });

  const { findings: inspectorFindings } = loadFixture(
    'inspector2/list-findings-many.json',
  );
  mocks.inspector.on(ListFindingAggregationsCommand).resolves({
    aggregationType: 'ACCOUNT',
    responses: [
      {
        accountAggregation: {
          accountId: GOOD,
          severityCounts: { all: 7, critical: 0, high: 2, medium: 2 },
        },
      },
    ],
  });
  mocks.inspector.on(BatchGetAccountStatusCommand).callsFake(input => ({
    accounts: input.accountIds.map((accountId: string) => ({
      accountId,
      state: { status: 'ENABLED' },
      resourceState: {
        ec2: { status: 'ENABLED' },
        ecr: { status: 'ENABLED' },
        lambda: { status: 'DISABLED' },
      },
    })),
  }));
  mocks.inspector.on(ListInspectorFindingsCommand).resolves({
    findings: inspectorFindings.map((f: any) => ({
      ...f,
      awsAccountId: GOOD,
      findingArn: f.findingArn.replace('012345678901', GOOD),
    })),
  });
  const coverage = loadFixture('inspector2/list-coverage.json');
  mocks.inspector.on(ListCoverageCommand).resolves({
    coveredResources: coverage.coveredResources.map((resource: any) => ({
      ...resource,
      accountId: GOOD,
    })),
  });

  mocks.guardDuty
    .on(ListDetectorsCommand)
    .resolves({ DetectorIds: ['detector-1'] });
  mocks.guardDuty.on(GetDetectorCommand).resolves({
    Status: 'ENABLED',
    ServiceRole: 'r',
    CreatedAt: '2026-01-01T00:00:00Z',
  });
  mocks.guardDuty
    .on(ListGuardDutyFindingsCommand)
    .resolves({ FindingIds: ['f1'] });
  const { Findings: guardDutyFindings } = loadFixture(
    'guardduty/get-findings.json',
  );
  mocks.guardDuty.on(GetGuardDutyFindingsCommand).resolves({
    Findings: [
      {
        ...guardDutyFindings[0],
        AccountId: GOOD,
        Arn: `arn:aws:guardduty:us-east-1:${GOOD}:detector/d/finding/f1`,
      },
    ],
  });
  mocks.guardDuty.on(GetFindingsStatisticsCommand).resolves({
    FindingStatistics: {
      GroupedBySeverity: [{ Severity: 5, TotalFindings: 1 }],
    },
  });

  mocks.config.on(DescribeConfigurationRecorderStatusCommand).resolves({
    ConfigurationRecordersStatus: [
      { name: 'default', recording: true, lastStatus: 'Success' },
    ],
  });
  mocks.config
    .on(DescribeComplianceByConfigRuleCommand)
    .resolves(
      loadFixture('configservice/describe-compliance-by-config-rule.json'),
    );
  mocks.analyzer.on(ListAnalyzersCommand).resolves({
    analyzers: [
      {
        arn: 'arn:aws:access-analyzer:us-east-1:1:analyzer/a',
        name: 'a',
        type: 'ACCOUNT',
        status: 'ACTIVE',
        createdAt: new Date(),
      },
    ],
  });
  mocks.analyzer.on(ListFindingsV2Command).resolves({ findings: [] });

  mocks.ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-imdsv1',
            MetadataOptions: {
              HttpTokens: 'optional',
              HttpEndpoint: 'enabled',
            },
          },
        ],
      },
    ],
  });
  mocks.ec2
    .on(GetInstanceMetadataDefaultsCommand)
    .resolves({ AccountLevel: { HttpTokens: 'required' } });
  mocks.ec2
    .on(GetEbsEncryptionByDefaultCommand)
    .resolves({ EbsEncryptionByDefault: true });
  mocks.ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [
      {
        GroupId: 'sg-ssh',
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0' }],
          },
        ],
      },
    ],
  });
  mocks.ec2
    .on(DescribeVpcsCommand)
    .resolves({ Vpcs: [{ VpcId: 'vpc-1' }, { VpcId: 'vpc-2' }] });
  mocks.ec2
    .on(DescribeFlowLogsCommand)
    .resolves({ FlowLogs: [{ ResourceId: 'vpc-1', FlowLogStatus: 'ACTIVE' }] });
  mocks.s3control.on(GetPublicAccessBlockCommand).resolves({
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    },
  });
  mocks.sts.on(GetCallerIdentityCommand).resolves({ Account: GOOD });
}

function postureConfig(overrides: Partial<PostureConfig> = {}): PostureConfig {
  return {
    mode: 'delegatedAdmin',
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
    securityTooling: {
      accountId: TOOLING,
      roleName: 'BackstageSecurityToolingReadRole',
    },
    readRoleName: 'BackstagePostureReadRole',
    schedule: { frequency: { hours: 1 }, timeout: { minutes: 50 } },
    retentionDays: 90,
    overlapMinutes: 15,
    concurrency: 4,
    refreshIntervalSeconds: 300,
    ...overrides,
  };
}

describe('PostureCollector', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(config: PostureConfig, denied: Set<string>) {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrationsDirectory() });
    const stores = {
      accounts: AccountStore.create(knex),
      findings: FindingStore.create(knex),
      snapshots: SnapshotStore.create(knex),
      syncState: SyncStateStore.create(knex),
    };
    const collector = PostureCollector.create({
      config,
      clientFactory: clientFactory(denied),
      accountReader: { read: async () => accounts },
      stores,
      logger: mockServices.logger.mock(),
    });
    return { collector, stores };
  }

  beforeEach(mockHealthyAws);

  it('shows each account only its own findings from a delegated administrator', async () => {
    const { collector, stores } = await setup(
      postureConfig(),
      new Set([DENIED]),
    );
    const report = await collector.collectAll();

    const good = (await stores.snapshots.latest(GOOD))!.latest;
    // gd-1 (MEDIUM) and gd-2 (HIGH, in eu-west-1) plus the failed EC2.7 control.
    expect(good.findings.securityhub).toMatchObject({ HIGH: 1, MEDIUM: 2 });
    const denied = (await stores.snapshots.latest(DENIED))!.latest;
    expect(denied.findings.securityhub).toMatchObject({ MEDIUM: 1, HIGH: 0 });
    const stranger = await stores.findings.page(STRANGER, { limit: 10 });
    expect(stranger.totalCount).toBe(0);

    const eu = await stores.findings.page(GOOD, {
      limit: 10,
      source: 'securityhub',
      severity: ['HIGH'],
    });
    expect(eu.items[0].region).toBe('eu-west-1');

    // One organization-wide stream, not one per account.
    expect(mocks.hub).toHaveReceivedCommandTimes(
      GetSecurityHubFindingsCommand,
      1,
    );
    expect(report).toMatchObject({ accounts: 2, unreadable: 1 });
  });

  it('computes services, score, counts and the baseline for a readable account', async () => {
    const { collector, stores } = await setup(
      postureConfig(),
      new Set([DENIED]),
    );
    await collector.collectAll();
    const snapshot = (await stores.snapshots.latest(GOOD))!.latest;

    expect(snapshot.score).toBe(0);
    expect(snapshot.controls.failed).toBe(1);
    expect(snapshot.topFailingControls.map(c => c.controlId)).toEqual([
      'EC2.7',
    ]);
    expect(snapshot.findings.guardduty).toMatchObject({ MEDIUM: 1 });
    expect(snapshot.findings.inspector).toEqual({
      CRITICAL: 0,
      HIGH: 2,
      MEDIUM: 2,
      LOW: 1,
      INFORMATIONAL: 0,
      UNTRIAGED: 2,
    });
    expect(snapshot.findings.accessAnalyzer).toEqual({ active: 0 });
    expect(snapshot.config).toEqual({ compliant: 0, nonCompliant: 2 });
    expect(snapshot.inspectorCoverage?.covered).toBe(1);
    expect(snapshot.topGuardDutyFindings[0].severity).toBe('MEDIUM');

    const state = (id: string) =>
      snapshot.services.find(s => s.service === id)?.state;
    expect(state('securityhub')).toBe('ON');
    expect(state('inspector-lambda')).toBe('OFF');

    const check = (id: string) => snapshot.checks.find(c => c.checkId === id)!;
    expect(check('imdsv2')).toMatchObject({ status: 'FAIL', source: 'direct' });
    expect(check('imdsv2').evidence[0].resourceId).toBe('i-imdsv1');
    // Security Hub's failed EC2.7 decides over the direct API, which passed.
    expect(check('ebs-default-encryption')).toMatchObject({
      status: 'FAIL',
      source: 'securityhub',
    });
    expect(check('no-open-admin-ports').evidence[0]).toMatchObject({
      resourceId: 'sg-ssh',
    });
    expect(check('flow-logs').evidence.map(e => e.resourceId)).toEqual([
      'vpc-2',
    ]);
    expect(check('s3-account-bpa')).toMatchObject({ status: 'FAIL' });
    expect(check('guardduty').status).toBe('PASS');
    // The account has no load balancers: the direct read says so.
    expect(check('waf')).toMatchObject({
      status: 'NOT_APPLICABLE',
      source: 'direct',
    });
    expect(check('waf').reason).toMatch(/no application load balancers/);
  });

  it('marks a denied account UNKNOWN with the reason, never zero or PASS', async () => {
    const { collector, stores } = await setup(
      postureConfig(),
      new Set([DENIED]),
    );
    const report = await collector.collectAll();
    expect(report.unreadable).toBe(1);

    const snapshot = (await stores.snapshots.latest(DENIED))!.latest;
    expect(snapshot.config).toBeNull();
    expect(snapshot.findings.accessAnalyzer).toBeNull();
    for (const service of snapshot.services.filter(
      s => !s.service.startsWith('inspector'),
    )) {
      expect(service.state).toBe('UNKNOWN');
      expect(service.reason).toMatch(/AccessDenied/);
    }
    const imds = snapshot.checks.find(c => c.checkId === 'imdsv2')!;
    expect(imds.status).toBe('UNKNOWN');
    expect(imds.reason).toMatch(/BackstagePostureReadRole/);
    // Only Inspector's status comes from the delegated administrator; every
    // check that needs the account's own role is UNKNOWN, none PASS.
    expect(
      snapshot.checks.filter(c => c.status === 'PASS').map(c => c.checkId),
    ).toEqual(['inspector-enabled']);

    const account = await stores.accounts.get(DENIED);
    expect(account?.readError?.reason).toMatch(/AccessDenied/);
  });

  it('turns AccessDenied on a findings call into UNKNOWN, never zero findings', async () => {
    mocks.hub
      .on(GetSecurityHubFindingsCommand)
      .rejects(
        accessDenied('not authorized to perform securityhub:GetFindings'),
      );
    mocks.guardDuty
      .on(GetFindingsStatisticsCommand)
      .rejects(
        accessDenied(
          'not authorized to perform guardduty:GetFindingsStatistics',
        ),
      );
    const { collector, stores } = await setup(postureConfig(), new Set());
    await collector.collectAll();

    const snapshot = (await stores.snapshots.latest(GOOD))!.latest;
    expect(snapshot.findings.securityhub).toBeNull();
    expect(snapshot.score).toBeNull();
    expect(snapshot.findings.guardduty).toBeNull();
    expect(snapshot.errors.map(e => e.source)).toEqual(
      expect.arrayContaining(['securityhub', 'guardduty']),
    );
    expect(
      snapshot.errors.find(e => e.source === 'securityhub')?.reason,
    ).toMatch(/denied/);
    // The sync state did not move on: the next run reads Security Hub in full again.
    expect(
      await stores.syncState.lastSuccess(
        'organization',
        'securityhub',
        'us-east-1',
      ),
    ).toBeUndefined();
  });

  it('reads only findings updated since the last run minus the overlap on the next run', async () => {
    const { collector, stores } = await setup(
      postureConfig(),
      new Set([DENIED]),
    );
    await collector.collectAll();
    const first = await stores.syncState.lastSuccess(
      'organization',
      'securityhub',
      'us-east-1',
    );
    mocks.hub.resetHistory();
    mocks.inspector.resetHistory();

    await collector.collectAll();

    const filters = mocks.hub.commandCalls(GetSecurityHubFindingsCommand)[0]
      .args[0].input.Filters!;
    expect(filters.RecordState).toBeUndefined();
    expect(new Date(filters.UpdatedAt![0].Start!).getTime()).toBe(
      first!.getTime() - 15 * 60_000,
    );
    const inspectorInput = mocks.inspector.commandCalls(
      ListInspectorFindingsCommand,
    )[0].args[0].input;
    expect(inspectorInput.filterCriteria?.findingStatus).toBeUndefined();
    expect(inspectorInput.filterCriteria?.updatedAt).toBeDefined();
  });

  it('keeps the last good snapshot when an account can no longer be read at all', async () => {
    const config = postureConfig({
      mode: 'perAccount',
      securityTooling: undefined,
    });
    const first = await setup(config, new Set());
    await first.collector.collectAll();

    const denied = PostureCollector.create({
      config,
      clientFactory: clientFactory(new Set([GOOD, DENIED])),
      accountReader: { read: async () => accounts },
      stores: first.stores,
      logger: mockServices.logger.mock(),
    });
    await denied.collectAll();

    const latest = (await first.stores.snapshots.latest(GOOD))!;
    expect(latest.latestComplete).toBe(false);
    expect(latest.lastGood?.findings.guardduty).toMatchObject({ MEDIUM: 1 });
    expect(latest.latest.findings.guardduty).toBeNull();
    expect((await first.stores.accounts.get(GOOD))?.readError?.since).toBe(
      latest.latest.collectedAt,
    );
  });
});
