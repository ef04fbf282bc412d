import { ConfigReader } from '@backstage/config';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { DefaultAwsClientFactory } from './AwsClientFactory';

describe('DefaultAwsClientFactory', () => {
  let sandbox: SandboxHandle;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: sandbox.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIATESTMANAGEMENT',
      AWS_SECRET_ACCESS_KEY: 'test-secret',
    });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await sandbox.stop();
  });

  beforeEach(() => {
    sandbox.control.resetCallCounts();
  });

  async function callerAccount(client: STSClient) {
    const identity = await client.send(new GetCallerIdentityCommand({}));
    return identity.Account;
  }

  it('uses the main account of the integration config when no role is named', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(new ConfigReader({}));

    const client = await factory.create(STSClient, { region: 'us-east-1' });

    await expect(callerAccount(client)).resolves.toBe('111111111111');
    expect(sandbox.control.callCounts()['sts:AssumeRole'] ?? 0).toBe(0);
  });

  it('follows aws.accountDefaults for an account without a role name', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(
      new ConfigReader({
        aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
      }),
    );

    const client = await factory.create(STSClient, {
      accountId: '500000000003',
      region: 'us-east-1',
    });

    await expect(callerAccount(client)).resolves.toBe('500000000003');
  });

  it('assumes the named role in the target account', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(new ConfigReader({}));

    const client = await factory.create(STSClient, {
      accountId: '500000000001',
      roleName: 'BackstagePostureReadRole',
      region: 'eu-west-1',
    });

    await expect(callerAccount(client)).resolves.toBe('500000000001');
  });

  it('assumes a role once per account and role, however many clients', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(new ConfigReader({}));
    const target = {
      accountId: '500000000002',
      roleName: 'BackstagePostureReadRole',
      region: 'us-east-1',
    };

    for (const region of ['us-east-1', 'eu-west-1']) {
      const client = await factory.create(STSClient, { ...target, region });
      await expect(callerAccount(client)).resolves.toBe('500000000002');
    }

    expect(sandbox.control.callCounts()['sts:AssumeRole']).toBe(1);
  });

  it('surfaces AccessDenied when the role does not exist in the account', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(new ConfigReader({}));

    const client = await factory.create(STSClient, {
      accountId: '600000000001',
      roleName: 'BackstagePostureReadRole',
      region: 'us-east-1',
    });

    await expect(callerAccount(client)).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('sets the adaptive retry mode and the attempts', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(new ConfigReader({}), {
      maxAttempts: 4,
    });

    const client = await factory.create(STSClient, { region: 'us-east-1' });

    expect(await client.config.retryStrategy()).toMatchObject({
      mode: 'adaptive',
    });
    await expect(client.config.maxAttempts()).resolves.toBe(4);
  });
});
