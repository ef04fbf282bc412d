import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KeyMetadata,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  checkAurora,
  checkKmsRotation,
  checkSecretsRotation,
} from './accountChecks';

const kmsMock = mockClient(KMSClient);
const secretsMock = mockClient(SecretsManagerClient);
const rdsMock = mockClient(RDSClient);
const kms = new KMSClient({ region: 'us-east-1' });
const secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
const rds = new RDSClient({ region: 'us-east-1' });

beforeEach(() => {
  kmsMock.reset();
  secretsMock.reset();
  rdsMock.reset();
});

const customerKey = (
  KeyId: string,
  overrides: Omit<Partial<KeyMetadata>, 'KeyId'> = {},
) => ({
  KeyMetadata: {
    KeyId,
    KeyManager: 'CUSTOMER' as const,
    KeySpec: 'SYMMETRIC_DEFAULT' as const,
    KeyState: 'Enabled' as const,
    Origin: 'AWS_KMS' as const,
    ...overrides,
  },
});

describe('checkKmsRotation', () => {
  it('passes when customer keys rotate, and asks only about those', async () => {
    kmsMock
      .on(ListKeysCommand)
      .resolvesOnce({
        Keys: [{ KeyId: 'aws-key', KeyArn: 'arn:aws-key' }],
        Truncated: true,
        NextMarker: 'more',
      })
      .resolvesOnce({ Keys: [{ KeyId: 'app-key', KeyArn: 'arn:app-key' }] });
    kmsMock
      .on(DescribeKeyCommand, { KeyId: 'aws-key' })
      .resolves(customerKey('aws-key', { KeyManager: 'AWS' }))
      .on(DescribeKeyCommand, { KeyId: 'app-key' })
      .resolves(customerKey('app-key'));
    kmsMock
      .on(GetKeyRotationStatusCommand)
      .resolves({ KeyRotationEnabled: true });

    await expect(checkKmsRotation(kms, 'us-east-1')).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(kmsMock).toHaveReceivedCommandTimes(GetKeyRotationStatusCommand, 1);
    expect(kmsMock).toHaveReceivedCommandWith(GetKeyRotationStatusCommand, {
      KeyId: 'app-key',
    });
  });

  it('fails customer keys without rotation', async () => {
    kmsMock
      .on(ListKeysCommand)
      .resolves({ Keys: [{ KeyId: 'app-key', KeyArn: 'arn:app-key' }] });
    kmsMock.on(DescribeKeyCommand).resolves(customerKey('app-key'));
    kmsMock
      .on(GetKeyRotationStatusCommand)
      .resolves({ KeyRotationEnabled: false });

    await expect(checkKmsRotation(kms, 'us-east-1')).resolves.toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'arn:app-key',
          resourceType: 'AwsKmsKey',
          region: 'us-east-1',
          detail: 'automatic key rotation is off',
        },
      ],
    });
  });

  it('is not applicable with only AWS-managed, asymmetric or disabled keys', async () => {
    kmsMock.on(ListKeysCommand).resolves({
      Keys: [{ KeyId: 'aws' }, { KeyId: 'rsa' }, { KeyId: 'off' }],
    });
    kmsMock
      .on(DescribeKeyCommand, { KeyId: 'aws' })
      .resolves(customerKey('aws', { KeyManager: 'AWS' }))
      .on(DescribeKeyCommand, { KeyId: 'rsa' })
      .resolves(customerKey('rsa', { KeySpec: 'RSA_2048' }))
      .on(DescribeKeyCommand, { KeyId: 'off' })
      .resolves(customerKey('off', { KeyState: 'Disabled' }));

    const outcome = await checkKmsRotation(kms, 'us-east-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(kmsMock).not.toHaveReceivedCommand(GetKeyRotationStatusCommand);
  });
});

describe('checkSecretsRotation', () => {
  it('passes when every secret rotates, following pages', async () => {
    secretsMock
      .on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [{ ARN: 'arn:s1', RotationEnabled: true }],
        NextToken: 'more',
      })
      .resolvesOnce({ SecretList: [{ ARN: 'arn:s2', RotationEnabled: true }] });

    await expect(
      checkSecretsRotation(secretsManager, 'us-east-1'),
    ).resolves.toEqual({ status: 'PASS', evidence: [] });
    expect(secretsMock).toHaveReceivedCommandTimes(ListSecretsCommand, 2);
  });

  it('fails the secrets without rotation', async () => {
    secretsMock.on(ListSecretsCommand).resolves({
      SecretList: [
        { ARN: 'arn:s1', RotationEnabled: true },
        { ARN: 'arn:s2', Name: 's2' },
      ],
    });

    await expect(
      checkSecretsRotation(secretsManager, 'us-east-1'),
    ).resolves.toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'arn:s2',
          resourceType: 'AwsSecretsManagerSecret',
          region: 'us-east-1',
          detail: 'rotation is not enabled',
        },
      ],
    });
  });

  it('is not applicable without secrets', async () => {
    secretsMock.on(ListSecretsCommand).resolves({ SecretList: [] });

    const outcome = await checkSecretsRotation(secretsManager, 'us-east-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
  });
});

describe('checkAurora', () => {
  const goodCluster = {
    DBClusterIdentifier: 'app-db',
    DBClusterArn: 'arn:app-db',
    Engine: 'aurora-postgresql',
    StorageEncrypted: true,
    IAMDatabaseAuthenticationEnabled: true,
    PubliclyAccessible: false,
    AvailabilityZones: ['us-east-1a', 'us-east-1b'],
    DBSubnetGroup: 'app-db-subnets',
  };

  it('passes encrypted, IAM-authenticated, private multi-AZ clusters', async () => {
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [goodCluster],
    });

    await expect(checkAurora(rds, 'us-east-1')).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
  });

  it('fails clusters with every problem named', async () => {
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        goodCluster,
        {
          ...goodCluster,
          DBClusterArn: 'arn:legacy-db',
          StorageEncrypted: false,
          IAMDatabaseAuthenticationEnabled: false,
          PubliclyAccessible: true,
          AvailabilityZones: ['us-east-1a'],
        },
      ],
    });

    await expect(checkAurora(rds, 'us-east-1')).resolves.toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'arn:legacy-db',
          resourceType: 'AwsRdsDbCluster',
          region: 'us-east-1',
          detail:
            'storage not encrypted; IAM database authentication off; publicly accessible; subnet group app-db-subnets spans 1 Availability Zone',
        },
      ],
    });
  });

  it('is not applicable without Aurora clusters', async () => {
    rdsMock.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        { ...goodCluster, Engine: 'neptune', StorageEncrypted: false },
      ],
    });

    const outcome = await checkAurora(rds, 'us-east-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
  });
});
