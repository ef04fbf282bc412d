import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  DescribeProductCommand,
  DescribeProvisionedProductCommand,
  DescribeRecordCommand,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createCheckpointStore } from '../__testUtils__/createCheckpointStore';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import {
  createTestOrganizationReader,
  fixtureAccounts,
  mockFixtureOrganization,
} from '../__testUtils__/organizationFixtures';
import {
  accountFactoryProduct,
  recordPage,
} from '../__testUtils__/serviceCatalogFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountCreateAction } from './accountCreate';

const organizations = mockClient(OrganizationsClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
mockClient(CloudFormationClient);

const request = {
  accountName: 'payments-qa',
  accountEmail: 'aws+payments-qa@example.com',
  organizationalUnit: 'ou-sra0-dev00001',
  ssoUser: {
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
  },
};

function busyError() {
  return Object.assign(
    new Error('Another operation is in progress for this product'),
    { name: 'ResourceInUseException' },
  );
}

describe('aws:account:create', () => {
  const clientFactory = createTestClientFactory();
  const permissions = mockServices.permissions.mock();
  const organizationReader = createTestOrganizationReader();
  const action = createAccountCreateAction({
    clientFactory,
    organizationReader,
    settings: testSettings(),
    permissions,
  });

  beforeEach(() => {
    organizations.reset();
    serviceCatalog.reset();
    mockFixtureOrganization(organizations);
    serviceCatalog.on(DescribeProductCommand).resolves(accountFactoryProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-acct-1' } });
    serviceCatalog.on(DescribeRecordCommand).resolves(
      recordPage('rec-acct-1', 'SUCCEEDED', {
        outputs: { AccountId: '500000000042' },
      }),
    );
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  function context(input: Record<string, unknown> = {}) {
    return createMockActionContext({
      input: { ...request, ...input },
      task: { id: 'task-acct-1' },
    });
  }

  it('creates the account through Account Factory with the unit in its "Name (ou-...)" form', async () => {
    const ctx = context();

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProductId: 'prod-sra0accfactry',
      ProvisioningArtifactId: 'pa-sra0accfactry',
      PathId: 'lpv3-sra0accfactry',
      ProvisionedProductName: 'payments-qa',
      ProvisioningParameters: [
        { Key: 'AccountName', Value: 'payments-qa' },
        { Key: 'AccountEmail', Value: 'aws+payments-qa@example.com' },
        { Key: 'ManagedOrganizationalUnit', Value: 'Dev (ou-sra0-dev00001)' },
        { Key: 'SSOUserEmail', Value: 'jane.doe@example.com' },
        { Key: 'SSOUserFirstName', Value: 'Jane' },
        { Key: 'SSOUserLastName', Value: 'Doe' },
      ],
    });
    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000042');
    expect(ctx.output).toHaveBeenCalledWith('created', true);
    expect(ctx.output).toHaveBeenCalledWith('recordId', 'rec-acct-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'organizationalUnitId',
      'ou-sra0-dev00001',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'aws-accounts.account.create',
          }),
        },
      ],
      expect.anything(),
    );
  });

  it('accepts an organizational unit by its name when it is unambiguous', async () => {
    await action.handler(context({ organizationalUnit: 'Staging' }));

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProvisioningParameters: expect.arrayContaining([
        {
          Key: 'ManagedOrganizationalUnit',
          Value: 'Staging (ou-sra0-stage001)',
        },
      ]),
    });
  });

  it('rejects an organizational unit that does not exist', async () => {
    await expect(
      action.handler(context({ organizationalUnit: 'ou-sra0-nothere1' })),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'Organizational unit ou-sra0-nothere1 does not exist',
      ),
    });
    await expect(
      action.handler(context({ organizationalUnit: 'Research' })),
    ).rejects.toThrow('No organizational unit is named "Research"');
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
  });

  it('rejects an empty SSO first or last name before calling AWS', async () => {
    await expect(
      action.handler(
        context({
          ssoUser: { ...request.ssoUser, firstName: ' ', lastName: '' },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'SSO user first name is empty; Account Factory needs a first name for the IAM Identity Center user; SSO user last name is empty',
      ),
    });
    expect(organizations).not.toHaveReceivedAnyCommand();
    expect(serviceCatalog).not.toHaveReceivedAnyCommand();
  });

  it('rejects a name over 50 characters and a malformed email', async () => {
    await expect(
      action.handler(
        context({ accountName: 'x'.repeat(51), accountEmail: 'not-an-email' }),
      ),
    ).rejects.toThrow(
      /account name "x+" must be 1 to 50 characters .*; account email "not-an-email" is not an email address/,
    );
  });

  it('rejects an email already used by another account, naming it', async () => {
    await expect(
      action.handler(context({ accountEmail: 'AWS+payments-dev@example.com' })),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'The email AWS+payments-dev@example.com is already used by account payments-dev (500000000003)',
      ),
    });
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
  });

  it('rejects a name already used in the organization', async () => {
    await expect(
      action.handler(context({ accountName: 'orders-staging' })),
    ).rejects.toThrow(
      'The organization already has an account named orders-staging (600000000002)',
    );
  });

  it('reuses an existing account with the same name and email in the unit when asked to', async () => {
    const ctx = context({
      accountName: 'payments-dev',
      accountEmail: 'aws+payments-dev@example.com',
      existingAccount: 'reuse',
    });

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000003');
    expect(ctx.output).toHaveBeenCalledWith('created', false);
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
  });

  it('refuses to reuse an account that sits in another unit', async () => {
    await expect(
      action.handler(
        context({
          accountName: 'payments-dev',
          accountEmail: 'aws+payments-dev@example.com',
          organizationalUnit: 'ou-sra0-prod0001',
          existingAccount: 'reuse',
        }),
      ),
    ).rejects.toThrow(
      'Account payments-dev (500000000003) already exists but in Root/Workloads/Dev, not in Prod (ou-sra0-prod0001)',
    );
  });

  it('waits and retries while Account Factory is busy, visibly in the log', async () => {
    serviceCatalog
      .on(ProvisionProductCommand)
      .rejectsOnce(busyError())
      .resolves({ RecordDetail: { RecordId: 'rec-acct-1' } });
    const ctx = context();
    const warn = jest.spyOn(ctx.logger, 'warn');

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      2,
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'AWS Control Tower Account Factory is busy with another operation; attempt 1 of 3',
      ),
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000042');
  });

  it('retries when the record fails because another operation is in progress', async () => {
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolvesOnce({ RecordDetail: { RecordId: 'rec-busy' } })
      .resolves({ RecordDetail: { RecordId: 'rec-acct-1' } });
    serviceCatalog.on(DescribeRecordCommand, { Id: 'rec-busy' }).resolves(
      recordPage('rec-busy', 'FAILED', {
        errors: [
          {
            Code: 'ResourceInUseException',
            Description:
              'AWS Control Tower cannot create an account while another operation is in progress',
          },
        ],
      }),
    );

    await action.handler(context());

    const tokens = serviceCatalog
      .commandCalls(ProvisionProductCommand)
      .map(call => call.args[0].input.ProvisionToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(tokens[0]);
  });

  it('explains what to do when Account Factory stays busy', async () => {
    serviceCatalog.on(ProvisionProductCommand).rejects(busyError());

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'AWS Control Tower Account Factory stayed busy with another operation through 3 attempts. Wait until the running operation finishes',
      ),
    });
    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      3,
    );
  });

  it('explains the account quota when the record fails on it', async () => {
    serviceCatalog.on(DescribeRecordCommand).resolves(
      recordPage('rec-acct-1', 'FAILED', {
        errors: [
          {
            Code: 'ConstraintViolationException',
            Description:
              'You have exceeded the allowed number of AWS accounts (ACCOUNT_NUMBER_LIMIT_EXCEEDED)',
          },
        ],
      }),
    );

    await expect(action.handler(context())).rejects.toThrow(
      /ACCOUNT_NUMBER_LIMIT_EXCEEDED.*request an increase of "Default maximum number of accounts" in Service Quotas/,
    );
  });

  it('explains an email already used when Account Factory reports it', async () => {
    serviceCatalog.on(DescribeRecordCommand).resolves(
      recordPage('rec-acct-1', 'FAILED', {
        errors: [
          {
            Code: 'DuplicateAccountException',
            Description:
              'The email address is already in use by another account',
          },
        ],
      }),
    );

    await expect(action.handler(context())).rejects.toThrow(
      'The account email is already used by another AWS account; choose an address no account uses.',
    );
  });

  it('turns a refused, non-enrolled unit into a clear message', async () => {
    serviceCatalog
      .on(ProvisionProductCommand)
      .rejects(
        Object.assign(
          new Error(
            'The organizational unit ou-sra0-legacy01 is not registered with AWS Control Tower',
          ),
          { name: 'InvalidParametersException' },
        ),
      );
    const ctx = context({ organizationalUnit: 'Legacy' });
    const warn = jest.spyOn(ctx.logger, 'warn');

    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'the organizational unit must be registered with Control Tower',
      ),
    });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Legacy (ou-sra0-legacy01) is not one of awsAccounts.vending.organizationalUnits',
      ),
      expect.anything(),
    );
  });

  it("explains a missing launch path for the caller's principal", async () => {
    serviceCatalog
      .on(DescribeProductCommand)
      .resolves({ ...accountFactoryProduct, LaunchPaths: [] });

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('names the record and where to look when it times out', async () => {
    const slow = createAccountCreateAction({
      clientFactory,
      organizationReader,
      settings: testSettings({
        timeoutMs: 20,
        polling: { initialIntervalMs: 5, maxIntervalMs: 5 },
      }),
      permissions,
    });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-acct-1', 'IN_PROGRESS'));

    await expect(slow.handler(context())).rejects.toThrow(
      /Record rec-acct-1 was still IN_PROGRESS .*Service Catalog console \(us-east-1\).*Retrying this task waits for the same record/,
    );
  });

  it('refuses an initiator without the vending permission before calling AWS', async () => {
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('aws-accounts.account.create'),
    });
    expect(organizations).not.toHaveReceivedAnyCommand();
  });

  it('resumes a task without validating or provisioning again, and yields the same account', async () => {
    const store = createCheckpointStore();
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolvesOnce(recordPage('rec-acct-1', 'IN_PROGRESS'))
      .rejectsOnce(new Error('backend stopped'))
      .resolves(
        recordPage('rec-acct-1', 'SUCCEEDED', {
          outputs: { AccountId: '500000000042' },
        }),
      );

    const first = { ...context(), checkpoint: store.checkpoint };
    await expect(action.handler(first)).rejects.toThrow('backend stopped');

    // While the record ran, the account appeared in the organization.
    mockFixtureOrganization(organizations, [
      ...fixtureAccounts,
      {
        Id: '500000000042',
        Name: 'payments-qa',
        Email: 'aws+payments-qa@example.com',
        parent: 'ou-sra0-dev00001',
      },
    ]);
    const second = { ...context(), checkpoint: store.checkpoint };
    await action.handler(second);

    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      1,
    );
    expect(organizations).toHaveReceivedCommandTimes(
      DescribeOrganizationCommand,
      1,
    );
    expect(second.output).toHaveBeenCalledWith('accountId', '500000000042');
  });

  it('finds the account by email when the record has no AccountId output', async () => {
    serviceCatalog.on(DescribeRecordCommand).callsFake(() => {
      mockFixtureOrganization(organizations, [
        ...fixtureAccounts,
        {
          Id: '500000000043',
          Name: 'payments-qa',
          Email: 'aws+payments-qa@example.com',
          parent: 'ou-sra0-dev00001',
        },
      ]);
      return recordPage('rec-acct-1', 'SUCCEEDED');
    });
    const ctx = context();

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000043');
  });

  it('validates against the organization but creates nothing in a dry run', async () => {
    const ctx = { ...context(), isDryRun: true };

    await action.handler(ctx);

    expect(organizations).toHaveReceivedCommand(DescribeOrganizationCommand);
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
    expect(ctx.output).toHaveBeenCalledWith('accountId', '000000000000');
  });

  it('derives the name, email and unit from the application, environment and configured patterns', async () => {
    const ctx = createMockActionContext({
      input: {
        application: 'system:default/orders',
        environment: 'prod',
        ssoUser: request.ssoUser,
      },
    });

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProvisioningParameters: expect.arrayContaining([
        { Key: 'AccountName', Value: 'orders-prod' },
        { Key: 'AccountEmail', Value: 'aws+orders-prod@example.com' },
        { Key: 'ManagedOrganizationalUnit', Value: 'Prod (ou-sra0-prod0001)' },
      ]),
    });
  });

  it('names the missing piece when the request cannot be completed', async () => {
    const incomplete = (input: Record<string, unknown>) =>
      action.handler(
        createMockActionContext({
          input: { ssoUser: request.ssoUser, ...input },
        }),
      );

    await expect(
      incomplete({ application: 'payments', environment: 'qa' }),
    ).rejects.toThrow(
      'Environment "qa" has no organizational unit in awsAccounts.vending.organizationalUnits (known: prod, staging, dev)',
    );
    await expect(incomplete({ environment: 'dev' })).rejects.toThrow(
      'accountName is empty and awsAccounts.vending.accountNamePattern ("{application}-{environment}") needs {application}; give accountName or application',
    );
    await expect(
      createAccountCreateAction({
        clientFactory,
        organizationReader,
        settings: testSettings({ accountEmailPattern: undefined }),
        permissions,
      }).handler(
        createMockActionContext({
          input: { ...request, accountEmail: undefined },
        }),
      ),
    ).rejects.toThrow(
      'accountEmail is empty and awsAccounts.vending.accountEmailPattern is not set',
    );
  });

  it('only checks the request when asked to validate', async () => {
    const ctx = context({ validateOnly: true });

    await action.handler(ctx);

    expect(organizations).toHaveReceivedCommand(DescribeOrganizationCommand);
    expect(serviceCatalog).toHaveReceivedCommand(DescribeProductCommand);
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
    expect(ctx.output).not.toHaveBeenCalledWith('accountId', expect.anything());
    expect(ctx.output).toHaveBeenCalledWith('accountName', 'payments-qa');
  });

  it('provisions beside a provisioned product that failed in an earlier run', async () => {
    serviceCatalog
      .on(ProvisionProductCommand, { ProvisionedProductName: 'payments-qa' })
      .rejects(
        Object.assign(
          new Error('A provisioned product named payments-qa already exists'),
          {
            name: 'DuplicateResourceException',
          },
        ),
      );
    serviceCatalog.on(DescribeProvisionedProductCommand).resolves({
      ProvisionedProductDetail: {
        Id: 'pp-old',
        Name: 'payments-qa',
        Status: 'ERROR',
      },
    });
    const ctx = context();
    const warn = jest.spyOn(ctx.logger, 'warn');

    await action.handler(ctx);

    const names = serviceCatalog
      .commandCalls(ProvisionProductCommand)
      .map(call => call.args[0].input.ProvisionedProductName);
    expect(names).toEqual([
      'payments-qa',
      expect.stringMatching(/^payments-qa-[0-9a-f]{8}$/),
    ]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Provisioned product payments-qa (pp-old) failed earlier',
      ),
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000042');
  });

  it('refuses a name taken by a provisioned product that did not fail', async () => {
    serviceCatalog.on(ProvisionProductCommand).rejects(
      Object.assign(
        new Error('A provisioned product named payments-qa already exists'),
        {
          name: 'DuplicateResourceException',
        },
      ),
    );
    serviceCatalog.on(DescribeProvisionedProductCommand).resolves({
      ProvisionedProductDetail: {
        Id: 'pp-live',
        Name: 'payments-qa',
        Status: 'UNDER_CHANGE',
      },
    });

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'A provisioned product named payments-qa already exists',
      ),
    });
    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      1,
    );
  });
});
