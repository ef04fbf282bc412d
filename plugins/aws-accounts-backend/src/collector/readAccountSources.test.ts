import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import {
  DescribeInstancesCommand,
  DescribeRouteTablesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeKeyCommand,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  DescribeInstanceInformationCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import {
  GetEnabledStandardsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  GetWebACLForResourceCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { AwsClientSettings } from '@sra-backstage/plugin-aws-accounts-node';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readFileSync } from 'node:fs';
import { readAccountSources } from './readAccountSources';
import { ScopedClients } from './ScopedClients';

const mocks = {
  sts: mockClient(STSClient),
  ec2: mockClient(EC2Client),
  ssm: mockClient(SSMClient),
  elbv2: mockClient(ElasticLoadBalancingV2Client),
  acm: mockClient(ACMClient),
  waf: mockClient(WAFV2Client),
  kms: mockClient(KMSClient),
  secrets: mockClient(SecretsManagerClient),
  rds: mockClient(RDSClient),
  securityHub: mockClient(SecurityHubClient),
  guardDuty: mockClient(GuardDutyClient),
  config: mockClient(ConfigServiceClient),
  accessAnalyzer: mockClient(AccessAnalyzerClient),
  s3control: mockClient(S3ControlClient),
};

/** The IAM service prefix of each mocked client (STS needs no permission). */
const IAM_PREFIX: Record<keyof typeof mocks, string | undefined> = {
  sts: undefined,
  ec2: 'ec2',
  ssm: 'ssm',
  elbv2: 'elasticloadbalancing',
  acm: 'acm',
  waf: 'wafv2',
  kms: 'kms',
  secrets: 'secretsmanager',
  rds: 'rds',
  securityHub: 'securityhub',
  guardDuty: 'guardduty',
  config: 'config',
  accessAnalyzer: 'access-analyzer',
  s3control: 's3',
};

/** Operations whose IAM action is named differently. */
const IAM_ACTION_OF: Record<string, string> = {
  's3:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
};

interface PolicyDocument {
  Statement: { Sid: string; Action: string[] }[];
}

const posturePolicy: PolicyDocument = JSON.parse(
  readFileSync(
    resolvePackagePath(
      '@sra-backstage/plugin-aws-accounts-backend',
      'iam',
      'posture-read-policy.json',
    ),
    'utf8',
  ),
);

const ALB = 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/1';

const clients: ScopedClients = async <TClient>(
  ClientClass: new (settings: AwsClientSettings) => TClient,
  _service: string,
  region: string,
) =>
  new ClientClass({
    region,
    credentials: async () => ({
      accessKeyId: 'test',
      secretAccessKey: 'test',
    }),
    retryMode: 'standard',
    maxAttempts: 1,
    customUserAgent: 'test',
  });

/** Answers every call the test does not set up with an empty response. */
function emptyByDefault(mock: {
  reset(): void;
  onAnyCommand(): { resolves(response: object): unknown };
}) {
  mock.reset();
  mock.onAnyCommand().resolves({});
}

function accessDenied() {
  return Object.assign(
    new Error('User is not authorized to perform this operation'),
    { name: 'AccessDeniedException' },
  );
}

beforeEach(() => {
  Object.values(mocks).forEach(emptyByDefault);
  mocks.sts.on(GetCallerIdentityCommand).resolves({ Account: '1' });
  mocks.ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }],
  });
  mocks.ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
  mocks.elbv2.on(DescribeLoadBalancersCommand).resolves({
    LoadBalancers: [{ LoadBalancerArn: ALB, Type: 'application' }],
  });
  mocks.acm.on(ListCertificatesCommand).resolves({
    CertificateSummaryList: [{ CertificateArn: 'cert', InUse: true }],
  });
  mocks.kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'key' }] });
});

const read = () =>
  readAccountSources({
    accountId: '500000000001',
    roleName: 'BackstagePostureReadRole',
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
    clients,
  });

describe('readAccountSources direct checks', () => {
  it.each([
    ['ssm-managed', () => mocks.ssm.on(DescribeInstanceInformationCommand)],
    [
      'patch-compliance',
      () => mocks.ssm.on(ListResourceComplianceSummariesCommand),
    ],
    ['private-subnets', () => mocks.ec2.on(DescribeRouteTablesCommand)],
    ['vpc-endpoints', () => mocks.ec2.on(DescribeVpcEndpointsCommand)],
    ['alb-tls', () => mocks.elbv2.on(DescribeListenersCommand)],
    ['waf', () => mocks.waf.on(GetWebACLForResourceCommand)],
    ['certificate-expiry', () => mocks.acm.on(ListCertificatesCommand)],
    ['kms-rotation', () => mocks.kms.on(ListKeysCommand)],
    ['secrets-rotation', () => mocks.secrets.on(ListSecretsCommand)],
    ['aurora', () => mocks.rds.on(DescribeDBClustersCommand)],
  ])(
    '%s is UNKNOWN with the reason when its read is denied',
    async (checkId, behavior) => {
      behavior().rejects(accessDenied());

      const result = await read();

      const outcome = result.direct.get(checkId)?.get('us-east-1');
      expect(outcome?.status).toBe('UNKNOWN');
      expect(outcome?.reason).toContain(`Checking ${checkId} in us-east-1`);
      expect(outcome?.reason).toContain('was denied (AccessDeniedException');
      expect(result.errors).toContainEqual({
        source: `check:${checkId}`,
        region: 'us-east-1',
        reason: outcome?.reason,
      });
    },
  );

  it('reads the load balancers once for alb-tls and waf, and both are UNKNOWN when that fails', async () => {
    await read();
    expect(mocks.elbv2).toHaveReceivedCommandTimes(
      DescribeLoadBalancersCommand,
      1,
    );

    mocks.elbv2.reset();
    mocks.elbv2.on(DescribeLoadBalancersCommand).rejects(accessDenied());
    const result = await read();

    for (const checkId of ['alb-tls', 'waf']) {
      expect(result.direct.get(checkId)?.get('us-east-1')?.status).toBe(
        'UNKNOWN',
      );
    }
    expect(mocks.elbv2).toHaveReceivedCommandTimes(
      DescribeLoadBalancersCommand,
      1,
    );
  });

  it('reads the VPCs once for flow-logs and vpc-endpoints', async () => {
    const result = await read();

    expect(mocks.ec2).toHaveReceivedCommandTimes(DescribeVpcsCommand, 1);
    for (const checkId of ['flow-logs', 'vpc-endpoints']) {
      expect(result.direct.get(checkId)?.get('us-east-1')?.status).not.toBe(
        'UNKNOWN',
      );
    }
  });

  it('skips a direct read where Security Hub FSBP decides the check', async () => {
    mocks.securityHub.on(GetEnabledStandardsCommand).resolves({
      StandardsSubscriptions: [
        {
          StandardsSubscriptionArn: 'arn:subscription/fsbp',
          StandardsArn:
            'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          StandardsInput: {},
          StandardsStatus: 'READY',
        },
      ],
    });

    const result = await readAccountSources({
      accountId: '500000000001',
      roleName: 'BackstagePostureReadRole',
      homeRegion: 'us-east-1',
      regions: ['us-east-1'],
      clients,
      decidedBySecurityHub: new Set([
        'waf@us-east-1',
        'kms-rotation@us-east-1',
      ]),
    });

    expect(result.direct.has('waf')).toBe(false);
    expect(result.direct.has('kms-rotation')).toBe(false);
    expect(mocks.waf).not.toHaveReceivedAnyCommand();
    expect(mocks.kms).not.toHaveReceivedAnyCommand();
    expect(result.direct.get('alb-tls')?.get('us-east-1')?.status).toBe('PASS');
  });

  it('calls only what iam/posture-read-policy.json allows, and every direct-check action is called', async () => {
    mocks.kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: {
        KeyId: 'key',
        KeyManager: 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
      },
    });

    await read();

    const called = new Set<string>();
    for (const [name, mock] of Object.entries(mocks)) {
      const prefix = IAM_PREFIX[name as keyof typeof mocks];
      if (!prefix) continue;
      for (const call of mock.calls()) {
        const operation = String(call.args[0].constructor.name).replace(
          /Command$/,
          '',
        );
        const action = `${prefix}:${operation}`;
        called.add(IAM_ACTION_OF[action] ?? action);
      }
    }
    const allowed = new Set(posturePolicy.Statement.flatMap(s => s.Action));
    expect([...called].filter(action => !allowed.has(action))).toEqual([]);
    const direct = posturePolicy.Statement.find(
      s => s.Sid === 'DirectBaselineChecks',
    )!.Action;
    expect(direct.filter(action => !called.has(action))).toEqual([]);
  });
});
