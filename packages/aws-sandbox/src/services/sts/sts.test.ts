import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import {
  SEED_ACCOUNTS,
  SEED_ROLE_NAMES,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { clientSettings } from '../../__testUtils__/sandboxClients';

const roleArn = (
  accountId: string,
  role: string = SEED_ROLE_NAMES.postureRead,
) => `arn:aws:iam::${accountId}:role/${role}`;

describe('STS', () => {
  let sandbox: SandboxHandle;
  let sts: STSClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    sts = new STSClient(clientSettings(sandbox));
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('attributes plain credentials to the management account', async () => {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(SEED_ACCOUNTS.management.id);
    expect(identity.Arn).toBe('arn:aws:iam::111111111111:user/sandbox-admin');
  });

  it('returns credentials that later requests are attributed to', async () => {
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn(SEED_ACCOUNTS.paymentsProd.id),
        RoleSessionName: 'posture',
      }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::500000000001:assumed-role/BackstagePostureReadRole/posture',
    );
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);

    const asRole = new STSClient({
      ...clientSettings(sandbox),
      credentials: {
        accessKeyId: assumed.Credentials!.AccessKeyId!,
        secretAccessKey: assumed.Credentials!.SecretAccessKey!,
        sessionToken: assumed.Credentials!.SessionToken!,
      },
    });
    const identity = await asRole.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: '500000000001',
      Arn: 'arn:aws:sts::500000000001:assumed-role/BackstagePostureReadRole/posture',
    });
  });

  it('denies a role that does not exist in the account (orders-prod has no read role)', async () => {
    const error = await sts
      .send(
        new AssumeRoleCommand({
          RoleArn: roleArn(SEED_ACCOUNTS.ordersProd.id),
          RoleSessionName: 'posture',
        }),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toContain(
      'is not authorized to perform: sts:AssumeRole',
    );

    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(
            SEED_ACCOUNTS.ordersProd.id,
            SEED_ROLE_NAMES.organizationAccess,
          ),
          RoleSessionName: 'admin',
        }),
      ),
    ).resolves.toHaveProperty('Credentials');
  });

  it('denies suspended accounts and accounts denied through the control interface', async () => {
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(SEED_ACCOUNTS.sandboxExperiments.id),
          RoleSessionName: 's' + 'x',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });

    sandbox.control.denyAssumeRole(SEED_ACCOUNTS.paymentsDev.id);
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(SEED_ACCOUNTS.paymentsDev.id),
          RoleSessionName: 'posture',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    sandbox.control.allowAssumeRole(SEED_ACCOUNTS.paymentsDev.id);
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn(SEED_ACCOUNTS.paymentsDev.id),
          RoleSessionName: 'posture',
        }),
      ),
    ).resolves.toHaveProperty('Credentials');
  });

  it('answers a malformed role ARN with a validation error', async () => {
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: 'not-an-arn',
          RoleSessionName: 'posture',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
