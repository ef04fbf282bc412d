import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { ACMClient } from '@aws-sdk/client-acm';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SSMClient } from '@aws-sdk/client-ssm';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  SecurityServiceStatus,
  SourceError,
} from '@sra-backstage/plugin-aws-accounts-common';
import { readAccessAnalyzer } from './accessAnalyzer';
import { attempt } from './attempt';
import {
  checkAurora,
  checkKmsRotation,
  checkS3AccountBlockPublicAccess,
  checkSecretsRotation,
} from './baseline/accountChecks';
import { CheckOutcome, unknown } from './baseline/CheckOutcome';
import {
  checkEbsDefaultEncryption,
  checkImdsV2,
} from './baseline/instanceChecks';
import {
  checkAlbTls,
  checkCertificateExpiry,
  checkWaf,
  listApplicationLoadBalancers,
} from './baseline/loadBalancerChecks';
import {
  checkFlowLogs,
  checkOpenAdminPorts,
  listVpcIds,
} from './baseline/networkChecks';
import {
  checkPatchCompliance,
  checkSsmManaged,
} from './baseline/softwareChecks';
import { checkPrivateSubnets, checkVpcEndpoints } from './baseline/vpcChecks';
import {
  ConfigRuleCounts,
  readConfigRecorder,
  readConfigRuleCounts,
} from './configService';
import { describeAwsError } from './describeAwsError';
import { readDetectorEnabled } from './guardDuty';
import { readSecurityHubStatus } from './securityHub';
import { ScopedClients } from './ScopedClients';

/** What the read role in one account said, over all governed Regions. */
export interface AccountSourcesResult {
  /** Set when the read role could not be assumed: nothing else was read. */
  roleError?: string;
  errors: SourceError[];
  services: SecurityServiceStatus[];
  fsbpRegions: Set<string>;
  /** Summed over Regions; undefined when any Region could not be read. */
  config?: ConfigRuleCounts;
  accessAnalyzerFindings?: number;
  direct: Map<string, Map<string, CheckOutcome>>;
}

/** What a regional direct check reads with. */
interface RegionalCheckContext {
  clients: ScopedClients;
  region: string;
  /** The Region's application load balancers, read once when first asked. */
  loadBalancers: () => Promise<string[]>;
  /** The Region's VPC ids, read once when first asked. */
  vpcIds: () => Promise<string[]>;
}

type RegionalCheck = (context: RegionalCheckContext) => Promise<CheckOutcome>;

const ec2Check =
  (check: (ec2: EC2Client, region: string) => Promise<CheckOutcome>) =>
  async ({ clients, region }: RegionalCheckContext) =>
    check(await clients(EC2Client, 'ec2', region), region);

/** The direct API checks evaluated in every governed Region. */
const REGIONAL_CHECKS: Record<string, RegionalCheck> = {
  imdsv2: ec2Check(checkImdsV2),
  'ebs-default-encryption': ec2Check(checkEbsDefaultEncryption),
  'no-open-admin-ports': ec2Check(checkOpenAdminPorts),
  'flow-logs': async ({ clients, region, vpcIds }) =>
    checkFlowLogs(
      await clients(EC2Client, 'ec2', region),
      region,
      await vpcIds(),
    ),
  'private-subnets': ec2Check(checkPrivateSubnets),
  'vpc-endpoints': async ({ clients, region, vpcIds }) =>
    checkVpcEndpoints(
      await clients(EC2Client, 'ec2', region),
      region,
      await vpcIds(),
    ),
  'ssm-managed': async ({ clients, region }) =>
    checkSsmManaged(
      await clients(EC2Client, 'ec2', region),
      await clients(SSMClient, 'ssm', region),
      region,
    ),
  'patch-compliance': async ({ clients, region }) =>
    checkPatchCompliance(await clients(SSMClient, 'ssm', region), region),
  'alb-tls': async ({ clients, region, loadBalancers }) =>
    checkAlbTls(
      await clients(ElasticLoadBalancingV2Client, 'elbv2', region),
      region,
      await loadBalancers(),
    ),
  'certificate-expiry': async ({ clients, region }) =>
    checkCertificateExpiry(await clients(ACMClient, 'acm', region), region),
  waf: async ({ clients, region, loadBalancers }) =>
    checkWaf(
      await clients(WAFV2Client, 'wafv2', region),
      region,
      await loadBalancers(),
    ),
  'kms-rotation': async ({ clients, region }) =>
    checkKmsRotation(await clients(KMSClient, 'kms', region), region),
  'secrets-rotation': async ({ clients, region }) =>
    checkSecretsRotation(
      await clients(SecretsManagerClient, 'secretsmanager', region),
      region,
    ),
  aurora: async ({ clients, region }) =>
    checkAurora(await clients(RDSClient, 'rds', region), region),
};

function setOutcome(
  direct: Map<string, Map<string, CheckOutcome>>,
  checkId: string,
  region: string,
  outcome: CheckOutcome,
) {
  const byRegion = direct.get(checkId) ?? new Map<string, CheckOutcome>();
  byRegion.set(region, outcome);
  direct.set(checkId, byRegion);
}

function serviceStatus(
  service: SecurityServiceStatus['service'],
  region: string,
  on: boolean | undefined,
  errors: SourceError[],
  offReason: string,
  standards?: string[],
): SecurityServiceStatus {
  if (on === undefined) {
    const error = [...errors]
      .reverse()
      .find(e => e.region === region && e.source === service);
    return {
      service,
      region,
      state: 'UNKNOWN',
      reason: error?.reason ?? 'not read',
    };
  }
  return on
    ? { service, region, state: 'ON', standards }
    : { service, region, state: 'OFF', reason: offReason };
}

/**
 * Reads, with the read role in the account, which security services are
 * on, Config and Access Analyzer, and the direct baseline checks. The role
 * is tried once first (`GetCallerIdentity`): when it cannot be assumed
 * every source is UNKNOWN with that reason and no further call is made.
 */
export async function readAccountSources(options: {
  accountId: string;
  roleName: string;
  homeRegion: string;
  regions: string[];
  clients: ScopedClients;
  /**
   * Checks (`checkId@region`) that Security Hub's control findings decide;
   * their direct reads are skipped where FSBP turns out to be READY.
   */
  decidedBySecurityHub?: Set<string>;
}): Promise<AccountSourcesResult> {
  const { accountId, roleName, homeRegion, regions, clients } = options;
  const result: AccountSourcesResult = {
    errors: [],
    services: [],
    fsbpRegions: new Set(),
    direct: new Map(),
  };
  const decided = options.decidedBySecurityHub ?? new Set<string>();
  const skip = (checkId: string, region: string) =>
    result.fsbpRegions.has(region) && decided.has(`${checkId}@${region}`);

  try {
    const sts = await clients(STSClient, 'sts', homeRegion);
    await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    result.roleError = describeAwsError(
      error,
      `Assuming ${roleName} in account ${accountId}`,
    );
    return result;
  }

  let config: ConfigRuleCounts | undefined = { compliant: 0, nonCompliant: 0 };
  let accessAnalyzerFindings: number | undefined = 0;

  for (const region of regions) {
    const errors = result.errors;

    const hub = await attempt(
      errors,
      'securityhub',
      region,
      `Reading Security Hub status in ${region}`,
      async () =>
        readSecurityHubStatus(
          await clients(SecurityHubClient, 'securityhub', region),
        ),
    );
    if (hub?.fsbpReady) result.fsbpRegions.add(region);
    result.services.push(
      serviceStatus(
        'securityhub',
        region,
        hub?.enabled,
        errors,
        'Security Hub is not enabled',
        hub?.readyStandards,
      ),
    );

    const guardDuty = await attempt(
      errors,
      'guardduty',
      region,
      `Reading the GuardDuty detector in ${region}`,
      async () =>
        readDetectorEnabled(
          await clients(GuardDutyClient, 'guardduty', region),
        ),
    );
    result.services.push(
      serviceStatus(
        'guardduty',
        region,
        guardDuty,
        errors,
        'no enabled GuardDuty detector',
      ),
    );

    const configClient = await clients(ConfigServiceClient, 'config', region);
    const recorder = await attempt(
      errors,
      'config',
      region,
      `Reading the Config recorder in ${region}`,
      () => readConfigRecorder(configClient),
    );
    result.services.push(
      serviceStatus(
        'config',
        region,
        recorder?.recording,
        errors,
        `the configuration recorder is not recording (last status ${
          recorder?.lastStatus ?? 'none'
        })`,
      ),
    );
    const rules = await attempt(
      errors,
      'config',
      region,
      `Reading Config rule compliance in ${region}`,
      () => readConfigRuleCounts(configClient),
    );
    config =
      rules && config
        ? {
            compliant: config.compliant + rules.compliant,
            nonCompliant: config.nonCompliant + rules.nonCompliant,
          }
        : undefined;

    const analyzer = await attempt(
      errors,
      'access-analyzer',
      region,
      `Reading Access Analyzer in ${region}`,
      async () =>
        readAccessAnalyzer(
          await clients(AccessAnalyzerClient, 'accessanalyzer', region),
          accountId,
        ),
    );
    result.services.push(
      serviceStatus(
        'access-analyzer',
        region,
        analyzer ? analyzer.activeAnalyzers > 0 : undefined,
        errors,
        'no active analyzer',
      ),
    );
    accessAnalyzerFindings =
      analyzer && accessAnalyzerFindings !== undefined
        ? accessAnalyzerFindings + analyzer.activeFindings
        : undefined;

    let albs: Promise<string[]> | undefined;
    let vpcs: Promise<string[]> | undefined;
    const context: RegionalCheckContext = {
      clients,
      region,
      loadBalancers: async () =>
        (albs ??= (async () =>
          listApplicationLoadBalancers(
            await clients(ElasticLoadBalancingV2Client, 'elbv2', region),
          ))()),
      vpcIds: async () =>
        (vpcs ??= (async () =>
          listVpcIds(await clients(EC2Client, 'ec2', region)))()),
    };
    for (const [checkId, check] of Object.entries(REGIONAL_CHECKS)) {
      if (skip(checkId, region)) continue;
      const outcome = await attempt(
        errors,
        `check:${checkId}`,
        region,
        `Checking ${checkId} in ${region}`,
        () => check(context),
      );
      setOutcome(
        result.direct,
        checkId,
        region,
        outcome ?? unknown(errors[errors.length - 1].reason),
      );
    }
  }

  if (skip('s3-account-bpa', homeRegion)) {
    result.config = config;
    result.accessAnalyzerFindings = accessAnalyzerFindings;
    return result;
  }
  const s3control = await clients(S3ControlClient, 's3control', homeRegion);
  const bpa = await attempt(
    result.errors,
    'check:s3-account-bpa',
    homeRegion,
    'Reading S3 account Block Public Access',
    () => checkS3AccountBlockPublicAccess(s3control, accountId),
  );
  setOutcome(
    result.direct,
    's3-account-bpa',
    homeRegion,
    bpa ?? unknown(result.errors[result.errors.length - 1].reason),
  );

  result.config = config;
  result.accessAnalyzerFindings = accessAnalyzerFindings;
  return result;
}
