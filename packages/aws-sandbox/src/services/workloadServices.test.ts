import {
  AccessAnalyzerClient,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import {
  ACMClient,
  DescribeCertificateCommand,
  ListCertificatesCommand,
} from '@aws-sdk/client-acm';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigurationRecorderStatusCommand,
  GetComplianceSummaryByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
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
import {
  GetWebACLForResourceCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { SEED_ACCOUNTS, startSandbox, SandboxHandle } from '../index';
import { clientSettings } from '../__testUtils__/sandboxClients';

const PROD = SEED_ACCOUNTS.paymentsProd.id;
const DEV = SEED_ACCOUNTS.paymentsDev.id;

describe('account-layer and workload services', () => {
  let sandbox: SandboxHandle;
  const settings = (accountId: string) =>
    clientSettings(sandbox, { accountId });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
  });
  afterAll(() => sandbox.stop());

  it('Config records and reports rule compliance from the baseline', async () => {
    const config = new ConfigServiceClient(settings(DEV));
    const status = await config.send(
      new DescribeConfigurationRecorderStatusCommand({}),
    );
    expect(status.ConfigurationRecordersStatus?.[0]).toMatchObject({
      recording: true,
      lastStatus: 'SUCCESS',
    });
    const rules = await config.send(
      new DescribeComplianceByConfigRuleCommand({
        ComplianceTypes: ['NON_COMPLIANT'],
      }),
    );
    expect(rules.ComplianceByConfigRules?.length).toBe(6);
    expect(
      rules.ComplianceByConfigRules?.[0].Compliance?.ComplianceContributorCount
        ?.CappedCount,
    ).toBeGreaterThan(0);
    const summary = await new ConfigServiceClient(settings(PROD)).send(
      new GetComplianceSummaryByConfigRuleCommand({}),
    );
    expect(
      summary.ComplianceSummary?.NonCompliantResourceCount?.CappedCount,
    ).toBe(0);
  });

  it('Access Analyzer has an active analyzer and findings in every status', async () => {
    const analyzer = new AccessAnalyzerClient(settings(PROD));
    const { analyzers } = await analyzer.send(new ListAnalyzersCommand({}));
    expect(analyzers?.[0].status).toBe('ACTIVE');
    const all = await analyzer.send(
      new ListFindingsV2Command({ analyzerArn: analyzers![0].arn }),
    );
    expect(all.findings?.map(f => f.status).sort()).toEqual([
      'ACTIVE',
      'ARCHIVED',
      'RESOLVED',
    ]);
    const active = await analyzer.send(
      new ListFindingsV2Command({
        analyzerArn: analyzers![0].arn,
        filter: { status: { eq: ['ACTIVE'] } },
      }),
    );
    expect(active.findings).toHaveLength(1);
  });

  it('SSM manages every instance and reports patch compliance', async () => {
    const ssm = new SSMClient(settings(DEV));
    const info = await ssm.send(new DescribeInstanceInformationCommand({}));
    expect(info.InstanceInformationList?.map(i => i.PingStatus)).toEqual([
      'Online',
      'Online',
      'Online',
    ]);
    const patches = await ssm.send(
      new ListResourceComplianceSummariesCommand({
        Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }],
      }),
    );
    expect(
      patches.ResourceComplianceSummaryItems?.every(
        i => i.Status === 'COMPLIANT',
      ),
    ).toBe(true);
  });

  it('the ALB listens on HTTPS with TLS 1.2+, redirects HTTP, has a valid certificate and a web ACL', async () => {
    const elb = new ElasticLoadBalancingV2Client(settings(PROD));
    const { LoadBalancers } = await elb.send(
      new DescribeLoadBalancersCommand({}),
    );
    expect(LoadBalancers).toHaveLength(1);
    const { Listeners } = await elb.send(
      new DescribeListenersCommand({
        LoadBalancerArn: LoadBalancers![0].LoadBalancerArn,
      }),
    );
    const https = Listeners!.find(l => l.Protocol === 'HTTPS')!;
    expect(https.SslPolicy).toMatch(/TLS13-1-2/);
    expect(
      Listeners!.find(l => l.Protocol === 'HTTP')!.DefaultActions![0]
        .RedirectConfig,
    ).toMatchObject({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' });

    const acm = new ACMClient(settings(PROD));
    const { Certificate } = await acm.send(
      new DescribeCertificateCommand({
        CertificateArn: https.Certificates![0].CertificateArn,
      }),
    );
    expect(Certificate?.NotAfter).toBeInstanceOf(Date);
    expect(Certificate?.InUseBy).toEqual([LoadBalancers![0].LoadBalancerArn]);
    expect(
      (await acm.send(new ListCertificatesCommand({}))).CertificateSummaryList,
    ).toHaveLength(1);

    const waf = new WAFV2Client(settings(PROD));
    const { WebACL } = await waf.send(
      new GetWebACLForResourceCommand({
        ResourceArn: LoadBalancers![0].LoadBalancerArn,
      }),
    );
    expect(WebACL?.Rules?.length).toBeGreaterThan(0);
  });

  it('keys and secrets rotate, and the Aurora cluster is encrypted, IAM-authenticated, private and Multi-AZ', async () => {
    const kms = new KMSClient(settings(PROD));
    const { Keys } = await kms.send(new ListKeysCommand({}));
    const keys = await Promise.all(
      Keys!.map(async key => ({
        manager: (
          await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))
        ).KeyMetadata?.KeyManager,
        rotation: (
          await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))
        ).KeyRotationEnabled,
      })),
    );
    expect(keys.filter(k => k.manager === 'CUSTOMER')).toEqual([
      { manager: 'CUSTOMER', rotation: true },
    ]);
    const secrets = await new SecretsManagerClient(settings(PROD)).send(
      new ListSecretsCommand({}),
    );
    expect(secrets.SecretList?.map(s => s.RotationEnabled)).toEqual([true]);
    const { DBClusters } = await new RDSClient(settings(PROD)).send(
      new DescribeDBClustersCommand({}),
    );
    expect(DBClusters?.[0]).toMatchObject({
      StorageEncrypted: true,
      IAMDatabaseAuthenticationEnabled: true,
      PubliclyAccessible: false,
      MultiAZ: true,
    });
    expect(DBClusters?.[0].AvailabilityZones).toEqual([
      'us-east-1a',
      'us-east-1b',
    ]);
  });
});
