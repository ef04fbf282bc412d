import {
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  ModifyInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import {
  GetPublicAccessBlockCommand,
  PublicAccessBlockConfiguration,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { LoggerService } from '@backstage/backend-plugin-api';
import { AwsClientFactory } from '@sra-backstage/plugin-aws-accounts-node';
import { assumeRoleDeniedError, isAssumeRoleDenied } from './assumeRoleDenied';
import { BaselineChange } from './BaselineChange';

const BLOCK_ALL_PUBLIC_ACCESS: Required<PublicAccessBlockConfiguration> = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/** Options of {@link applyAccountBaseline}. */
export interface ApplyAccountBaselineOptions {
  clientFactory: AwsClientFactory;
  logger: LoggerService;
  accountId: string;
  roleName: string;
  /** Governed Regions; the first one is used for account-wide settings. */
  regions: string[];
  /** Only read the settings and report what would change. */
  dryRun?: boolean;
}

/**
 * Applies the SRA account-level settings in one account: EBS encryption by
 * default and IMDSv2 in each Region's instance metadata defaults, and S3
 * Block Public Access (all four flags) for the whole account. Reads before
 * writing, so running it again changes nothing.
 */
export async function applyAccountBaseline(
  options: ApplyAccountBaselineOptions,
): Promise<BaselineChange[]> {
  const { clientFactory, accountId, roleName, regions } = options;
  const [homeRegion] = regions;
  const target = (region: string) => ({ accountId, roleName, region });

  await checkRoleCanBeAssumed(options, homeRegion);

  const changes: BaselineChange[] = [];
  for (const region of regions) {
    const ec2 = await clientFactory.create(EC2Client, target(region));
    changes.push(await ensureEbsEncryption(ec2, region, options));
    changes.push(await ensureImdsV2(ec2, region, options));
  }
  const s3Control = await clientFactory.create(
    S3ControlClient,
    target(homeRegion),
  );
  changes.push(await ensureBlockPublicAccess(s3Control, options));
  return changes;
}

async function checkRoleCanBeAssumed(
  options: ApplyAccountBaselineOptions,
  region: string,
): Promise<void> {
  const { clientFactory, accountId, roleName } = options;
  try {
    const sts = await clientFactory.create(STSClient, {
      accountId,
      roleName,
      region,
    });
    await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    if (isAssumeRoleDenied(error)) {
      throw assumeRoleDeniedError(accountId, roleName, error as Error);
    }
    throw error;
  }
}

async function ensureEbsEncryption(
  ec2: EC2Client,
  region: string,
  options: ApplyAccountBaselineOptions,
): Promise<BaselineChange> {
  const current = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
  const enabled = current.EbsEncryptionByDefault === true;
  if (!enabled && !options.dryRun) {
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  }
  return record(options, {
    region,
    setting: 'ebs-encryption-by-default',
    previous: enabled ? 'enabled' : 'disabled',
    current: 'enabled',
    changed: !enabled,
  });
}

async function ensureImdsV2(
  ec2: EC2Client,
  region: string,
  options: ApplyAccountBaselineOptions,
): Promise<BaselineChange> {
  const current = await ec2.send(new GetInstanceMetadataDefaultsCommand({}));
  const httpTokens = current.AccountLevel?.HttpTokens ?? 'no-preference';
  const required = httpTokens === 'required';
  if (!required && !options.dryRun) {
    await ec2.send(
      new ModifyInstanceMetadataDefaultsCommand({ HttpTokens: 'required' }),
    );
  }
  return record(options, {
    region,
    setting: 'imdsv2-required-by-default',
    previous: httpTokens,
    current: 'required',
    changed: !required,
  });
}

async function ensureBlockPublicAccess(
  s3Control: S3ControlClient,
  options: ApplyAccountBaselineOptions,
): Promise<BaselineChange> {
  const { accountId } = options;
  let current: PublicAccessBlockConfiguration = {};
  try {
    const response = await s3Control.send(
      new GetPublicAccessBlockCommand({ AccountId: accountId }),
    );
    current = response.PublicAccessBlockConfiguration ?? {};
  } catch (error) {
    if ((error as Error).name !== 'NoSuchPublicAccessBlockConfiguration') {
      throw error;
    }
  }

  const flags = Object.keys(BLOCK_ALL_PUBLIC_ACCESS) as Array<
    keyof PublicAccessBlockConfiguration
  >;
  const off = flags.filter(flag => current[flag] !== true);
  if (off.length > 0 && !options.dryRun) {
    await s3Control.send(
      new PutPublicAccessBlockCommand({
        AccountId: accountId,
        PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
      }),
    );
  }
  return record(options, {
    region: 'global',
    setting: 's3-account-block-public-access',
    previous:
      off.length === 0 ? 'all blocked' : `not blocked: ${off.join(', ')}`,
    current: 'all blocked',
    changed: off.length > 0,
  });
}

function record(
  options: ApplyAccountBaselineOptions,
  change: BaselineChange,
): BaselineChange {
  const verb = options.dryRun ? 'would set' : 'set';
  options.logger.info(
    change.changed
      ? `${change.setting} in ${change.region}: ${change.previous}, ${verb} to ${change.current}`
      : `${change.setting} in ${change.region}: already ${change.current}`,
    { accountId: options.accountId, region: change.region },
  );
  return change;
}
