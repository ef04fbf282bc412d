import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { mockAccountFactory } from '../__testUtils__/mockAccountFactory';
import { createTestOrganizationReader } from '../__testUtils__/organizationFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createApplicationAccountsCreateAction } from './applicationAccountsCreate';

const organizations = mockClient(OrganizationsClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
const ec2 = mockClient(EC2Client);
const s3Control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);
mockClient(CloudFormationClient);

const input = {
  application: 'system:default/inventory',
  owner: 'group:default/team-platform',
  environments: ['prod', 'staging', 'dev'],
  ssoUser: {
    email: 'john.roe@example.com',
    firstName: 'John',
    lastName: 'Roe',
  },
};

describe('aws:application-accounts:create', () => {
  const permissions = mockServices.permissions.mock();
  const events = { publish: jest.fn(), subscribe: jest.fn() };

  function createAction(maxConcurrentAccounts = 2) {
    return createApplicationAccountsCreateAction({
      clientFactory: createTestClientFactory(),
      organizationReader: createTestOrganizationReader(),
      settings: testSettings({ maxConcurrentAccounts }),
      permissions,
      events,
    });
  }

  beforeEach(() => {
    organizations.reset();
    serviceCatalog.reset();
    events.publish.mockReset();
    sts.on(GetCallerIdentityCommand).resolves({});
    ec2
      .on(GetEbsEncryptionByDefaultCommand)
      .resolves({ EbsEncryptionByDefault: true });
    ec2
      .on(GetInstanceMetadataDefaultsCommand)
      .resolves({ AccountLevel: { HttpTokens: 'required' } });
    s3Control.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  it('vends, tags and baselines one account per environment', async () => {
    const factory = mockAccountFactory(organizations, serviceCatalog);
    const ctx = createMockActionContext({ input });

    await createAction().handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('accounts', [
      expect.objectContaining({
        environment: 'prod',
        accountName: 'inventory-prod',
        accountEmail: 'aws+inventory-prod@example.com',
        status: 'created',
        accountId: expect.stringMatching(/^\d{12}$/),
      }),
      expect.objectContaining({ environment: 'staging', status: 'created' }),
      expect.objectContaining({ environment: 'dev', status: 'created' }),
    ]);
    const prod = factory.accounts.find(a => a.Name === 'inventory-prod')!;
    expect(prod.parent).toBe('ou-sra0-prod0001');
    expect(factory.tags.get(prod.Id)).toEqual({
      owner: 'team-platform',
      application: 'inventory',
      environment: 'prod',
    });
    expect(sts).toHaveReceivedCommandTimes(GetCallerIdentityCommand, 3);
    expect(events.publish).toHaveBeenCalledTimes(3);
  });

  it('says which accounts exist when one fails, and a rerun completes the rest without duplicates', async () => {
    const failing = new Set(['inventory-staging']);
    const factory = mockAccountFactory(organizations, serviceCatalog, {
      failingAccountNames: failing,
    });
    const first = createMockActionContext({
      input,
      task: { id: 'task-first' },
    });

    const failure = await createAction()
      .handler(first)
      .catch((error: Error) => error);

    expect(failure).toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /1 of 3 environments did not finish\. Accounts that exist: prod \(\d{12}\), dev \(\d{12}\)\. Accounts that do not exist: staging\. Problems: staging: creating the account failed: .*Simulated failure.*Run the template again with the same values/,
      ),
    });
    expect(first.output).toHaveBeenCalledWith(
      'accounts',
      expect.arrayContaining([
        expect.objectContaining({ environment: 'staging', status: 'failed' }),
      ]),
    );

    failing.clear();
    const rerun = createMockActionContext({
      input,
      task: { id: 'task-rerun' },
    });
    await createAction().handler(rerun);

    expect(rerun.output).toHaveBeenCalledWith('accounts', [
      expect.objectContaining({ environment: 'prod', status: 'existing' }),
      expect.objectContaining({ environment: 'staging', status: 'created' }),
      expect.objectContaining({ environment: 'dev', status: 'existing' }),
    ]);
    expect(
      factory.accounts
        .filter(a => a.Name.startsWith('inventory-'))
        .map(a => a.Name)
        .sort(),
    ).toEqual(['inventory-dev', 'inventory-prod', 'inventory-staging']);
    // the first run's three records, and one new record on the rerun
    expect(factory.provisionCount()).toBe(4);
  });

  it('keeps to the configured concurrency limit', async () => {
    mockAccountFactory(organizations, serviceCatalog);
    let running = 0;
    let peak = 0;
    const send = ServiceCatalogClient.prototype.send;
    const spy = jest
      .spyOn(ServiceCatalogClient.prototype, 'send')
      .mockImplementation(async function track(
        this: ServiceCatalogClient,
        ...args: Parameters<typeof send>
      ) {
        running++;
        peak = Math.max(peak, running);
        try {
          await new Promise(resolve => setTimeout(resolve, 5));
          return await send.apply(this, args);
        } finally {
          running--;
        }
      } as typeof send);

    try {
      await createAction(1).handler(
        createMockActionContext({ input: { ...input, concurrency: 5 } }),
      );
    } finally {
      spy.mockRestore();
    }

    expect(peak).toBe(1);
    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      3,
    );
  });

  it('refuses an initiator without the vending permission', async () => {
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);

    await expect(
      createAction().handler(createMockActionContext({ input })),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(serviceCatalog).not.toHaveReceivedAnyCommand();
  });
});
