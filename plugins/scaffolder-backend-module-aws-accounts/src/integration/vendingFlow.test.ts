import {
  GetEbsEncryptionByDefaultCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  ListAccountsCommand,
  ListParentsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  AwsClientFactory,
  AwsClientSettings,
  AwsClientTarget,
  DefaultAwsClientFactory,
  DefaultOrganizationReader,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import {
  SandboxHandle,
  SEED_OUS,
  startSandbox,
} from '@sra-backstage/aws-sandbox';
import { Agent } from 'node:http';
import { createCheckpointStore } from '../__testUtils__/createCheckpointStore';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountBaselineAction } from '../actions/accountBaseline';
import { createAccountCreateAction } from '../actions/accountCreate';
import { createAccountTagAction } from '../actions/accountTag';

/**
 * S3 Control puts the account id in front of the endpoint's host name
 * (`111111111111.localhost`); this agent sends every host to the sandbox.
 */
function loopbackAgent(): Agent {
  return new Agent({
    lookup: (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (
          callback as (
            error: null,
            addresses: { address: string; family: number }[],
          ) => void
        )(null, [{ address: '127.0.0.1', family: 4 }]);
      } else {
        callback(null, '127.0.0.1', 4);
      }
    },
  });
}

// The sandbox and the real scaffolder take seconds on a busy machine.
jest.setTimeout(60_000);

describe('account vending against the sandbox', () => {
  let sandbox: SandboxHandle;
  let clientFactory: AwsClientFactory;
  let organizationReader: OrganizationReader;
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;
  const permissions = mockServices.permissions.mock();
  const events = { publish: jest.fn(), subscribe: jest.fn() };
  const settings = testSettings({
    polling: { initialIntervalMs: 50, maxIntervalMs: 200 },
    busyRetry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 200 },
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, provisioningDelayMs: 300 });
    process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
    // The real factory decides the credentials (main account, or a role
    // assumed through the sandbox's STS); only the transport is swapped.
    const real = DefaultAwsClientFactory.fromConfig(
      new ConfigReader({
        aws: {
          mainAccount: {
            accessKeyId: 'AKIASANDBOXTEST',
            secretAccessKey: 'sandbox-secret',
          },
        },
      }),
    );
    const agent = loopbackAgent();
    clientFactory = {
      async create<TClient>(
        ClientClass: new (clientSettings: AwsClientSettings) => TClient,
        target: AwsClientTarget,
      ): Promise<TClient> {
        const clientSettings = {
          region: target.region,
          credentials: await real.getCredentials(target),
          retryMode: 'standard',
          maxAttempts: 2,
          customUserAgent: 'vending-integration-test',
          // A host name, not an IP address, so that S3 Control's
          // account-id prefix still makes a valid URL.
          endpoint: `http://localhost:${sandbox.port}`,
          requestHandler: { httpAgent: agent },
        };
        return new ClientClass(clientSettings);
      },
    };
  });

  beforeAll(() => {
    organizationReader = DefaultOrganizationReader.create({
      client: () =>
        clientFactory.create(OrganizationsClient, { region: 'us-east-1' }),
      requestsPerSecond: 100,
    });
  });

  afterAll(async () => {
    process.env.AWS_ENDPOINT_URL = previousEndpoint;
    await sandbox?.stop();
  });

  beforeEach(() => {
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  it('creates an account in its OU, tags it and applies the baseline, and a resumed task creates nothing more', async () => {
    const create = createAccountCreateAction({
      clientFactory,
      organizationReader,
      settings,
      permissions,
    });
    const store = createCheckpointStore();
    const createInput = {
      application: 'system:default/inventory',
      environment: 'dev',
      ssoUser: {
        email: 'jane.doe@example.com',
        firstName: 'Jane',
        lastName: 'Doe',
      },
    };
    const createContext = () => ({
      ...createMockActionContext({
        input: createInput,
        task: { id: 'sandbox-task-1' },
      }),
      checkpoint: store.checkpoint,
    });

    const first = createContext();
    await create.handler(first);
    const accountId = jest
      .mocked(first.output)
      .mock.calls.find(([name]) => name === 'accountId')?.[1] as string;
    expect(accountId).toMatch(/^\d{12}$/);

    const organizations = await clientFactory.create(OrganizationsClient, {
      region: 'us-east-1',
    });
    const parents = await organizations.send(
      new ListParentsCommand({ ChildId: accountId }),
    );
    expect(parents.Parents?.[0]?.Id).toBe(SEED_OUS.dev.id);

    // The same task again, as after a restart: checkpoints answer.
    const resumed = createContext();
    await create.handler(resumed);
    expect(resumed.output).toHaveBeenCalledWith('accountId', accountId);

    // A lost record checkpoint: the provision token still finds the record.
    for (const key of [...store.values.keys()]) {
      if (key.startsWith('record-')) {
        store.values.delete(key);
      }
    }
    const withoutRecord = createContext();
    await create.handler(withoutRecord);
    expect(withoutRecord.output).toHaveBeenCalledWith('accountId', accountId);
    expect(
      sandbox.control.callCounts()['servicecatalog:ProvisionProduct'],
    ).toBe(2);
    const accounts = await organizations.send(new ListAccountsCommand({}));
    expect(
      accounts.Accounts?.filter(account => account.Name === 'inventory-dev'),
    ).toHaveLength(1);

    await createAccountTagAction({
      clientFactory,
      settings,
      permissions,
      events,
    }).handler(
      createMockActionContext({
        input: {
          accountId,
          owner: 'group:default/team-platform',
          application: 'system:default/inventory',
          environment: 'dev',
        },
      }),
    );
    const tags = await organizations.send(
      new ListTagsForResourceCommand({ ResourceId: accountId }),
    );
    expect(tags.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'owner', Value: 'team-platform' },
        { Key: 'application', Value: 'inventory' },
        { Key: 'environment', Value: 'dev' },
      ]),
    );
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'aws-accounts.refresh',
      eventPayload: { accountId, reason: 'account-tagged' },
    });

    const baseline = createAccountBaselineAction({
      clientFactory,
      settings,
      permissions,
    });
    const firstBaseline = createMockActionContext({ input: { accountId } });
    await baseline.handler(firstBaseline);
    expect(firstBaseline.output).toHaveBeenCalledWith('changed', true);
    const ec2 = await clientFactory.create(EC2Client, {
      accountId,
      roleName: 'AWSControlTowerExecution',
      region: 'eu-west-1',
    });
    const ebs = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
    expect(ebs.EbsEncryptionByDefault).toBe(true);

    const again = createMockActionContext({ input: { accountId } });
    await baseline.handler(again);
    expect(again.output).toHaveBeenCalledWith('changed', false);
  });

  it('explains a denied AssumeRole in the account', async () => {
    sandbox.control.denyAssumeRole('600000000003', 'AWSControlTowerExecution');

    await expect(
      createAccountBaselineAction({
        clientFactory,
        settings,
        permissions,
      }).handler(
        createMockActionContext({ input: { accountId: '600000000003' } }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'Cannot assume role AWSControlTowerExecution in account 600000000003',
      ),
    });
  });

  it('turns a unit not enrolled in Control Tower into a clear message', async () => {
    await expect(
      createAccountCreateAction({
        clientFactory,
        organizationReader,
        settings,
        permissions,
      }).handler(
        createMockActionContext({
          input: {
            accountName: 'legacy-tools',
            accountEmail: 'aws+legacy-tools@example.com',
            organizationalUnit: 'Legacy',
            ssoUser: {
              email: 'jane.doe@example.com',
              firstName: 'Jane',
              lastName: 'Doe',
            },
          },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('not registered with AWS Control Tower'),
    });
  });
});
