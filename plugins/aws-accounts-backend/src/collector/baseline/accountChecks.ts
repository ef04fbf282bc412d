import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { paginateDescribeDBClusters, RDSClient } from '@aws-sdk/client-rds';
import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import {
  paginateListSecrets,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, failIfAny, notApplicable } from './CheckOutcome';

const BPA_FLAGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

/**
 * `s3-account-bpa`: all four account-level Block Public Access flags are
 * on. No configuration at all means all four are off.
 */
export async function checkS3AccountBlockPublicAccess(
  s3control: S3ControlClient,
  accountId: string,
): Promise<CheckOutcome> {
  let configuration: Partial<Record<(typeof BPA_FLAGS)[number], boolean>> = {};
  try {
    const response = await s3control.send(
      new GetPublicAccessBlockCommand({ AccountId: accountId }),
    );
    configuration = response.PublicAccessBlockConfiguration ?? {};
  } catch (error) {
    if (
      !(error instanceof Error) ||
      error.name !== 'NoSuchPublicAccessBlockConfiguration'
    ) {
      throw error;
    }
  }

  const off = BPA_FLAGS.filter(flag => configuration[flag] !== true);
  return failIfAny(
    off.length > 0
      ? [
          {
            resourceId: accountId,
            resourceType: 'AwsAccount',
            detail: `off: ${off.join(', ')}`,
          },
        ]
      : [],
  );
}

/**
 * `kms-rotation`: every enabled customer-managed symmetric key with KMS key
 * material rotates automatically.
 */
export async function checkKmsRotation(
  kms: KMSClient,
  region: string,
): Promise<CheckOutcome> {
  let customerKeys = 0;
  const evidence: CheckEvidence[] = [];
  for await (const page of paginateListKeys(
    { client: kms, pageSize: 1000 },
    {},
  )) {
    for (const key of page.Keys ?? []) {
      if (!key.KeyId) continue;
      const { KeyMetadata: metadata } = await kms.send(
        new DescribeKeyCommand({ KeyId: key.KeyId }),
      );
      if (
        metadata?.KeyManager !== 'CUSTOMER' ||
        metadata.KeySpec !== 'SYMMETRIC_DEFAULT' ||
        metadata.KeyState !== 'Enabled' ||
        metadata.Origin !== 'AWS_KMS'
      ) {
        continue;
      }
      customerKeys += 1;
      const rotation = await kms.send(
        new GetKeyRotationStatusCommand({ KeyId: key.KeyId }),
      );
      if (!rotation.KeyRotationEnabled) {
        evidence.push({
          resourceId: key.KeyArn ?? key.KeyId,
          resourceType: 'AwsKmsKey',
          region,
          detail: 'automatic key rotation is off',
        });
      }
    }
  }
  if (customerKeys === 0) {
    return notApplicable(
      `no enabled customer-managed symmetric KMS keys in ${region}`,
    );
  }
  return failIfAny(evidence);
}

/** `secrets-rotation`: every Secrets Manager secret has rotation on. */
export async function checkSecretsRotation(
  secretsManager: SecretsManagerClient,
  region: string,
): Promise<CheckOutcome> {
  let secrets = 0;
  const evidence: CheckEvidence[] = [];
  for await (const page of paginateListSecrets(
    { client: secretsManager, pageSize: 100 },
    {},
  )) {
    for (const secret of page.SecretList ?? []) {
      secrets += 1;
      if (!secret.RotationEnabled) {
        evidence.push({
          resourceId: secret.ARN ?? secret.Name ?? 'unknown secret',
          resourceType: 'AwsSecretsManagerSecret',
          region,
          detail: 'rotation is not enabled',
        });
      }
    }
  }
  if (secrets === 0) {
    return notApplicable(`no Secrets Manager secrets in ${region}`);
  }
  return failIfAny(evidence);
}

/**
 * `aurora`: every Aurora cluster is encrypted, uses IAM database
 * authentication, is not publicly accessible and spans 2 or more
 * Availability Zones.
 */
export async function checkAurora(
  rds: RDSClient,
  region: string,
): Promise<CheckOutcome> {
  let clusters = 0;
  const evidence: CheckEvidence[] = [];
  for await (const page of paginateDescribeDBClusters(
    { client: rds, pageSize: 100 },
    {},
  )) {
    for (const cluster of page.DBClusters ?? []) {
      if (!cluster.Engine?.startsWith('aurora')) continue;
      clusters += 1;
      const problems: string[] = [];
      if (!cluster.StorageEncrypted) problems.push('storage not encrypted');
      if (!cluster.IAMDatabaseAuthenticationEnabled) {
        problems.push('IAM database authentication off');
      }
      if (cluster.PubliclyAccessible) problems.push('publicly accessible');
      const zones = cluster.AvailabilityZones ?? [];
      if (zones.length < 2) {
        problems.push(
          `subnet group ${cluster.DBSubnetGroup ?? ''} spans ${
            zones.length
          } Availability Zone${zones.length === 1 ? '' : 's'}`,
        );
      }
      if (problems.length > 0) {
        evidence.push({
          resourceId:
            cluster.DBClusterArn ??
            cluster.DBClusterIdentifier ??
            'unknown cluster',
          resourceType: 'AwsRdsDbCluster',
          region,
          detail: problems.join('; '),
        });
      }
    }
  }
  if (clusters === 0) {
    return notApplicable(`no Aurora clusters in ${region}`);
  }
  return failIfAny(evidence);
}
