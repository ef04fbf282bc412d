import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { AwsAccountsEntityProvider } from './AwsAccountsEntityProvider';

/**
 * The provider against the sandbox's seeded organization, through the real
 * SDK clients: every entity field of every seeded account.
 */

/**
 * The sandbox throttles each Organizations operation at 10 requests a
 * second; reading at that rate overall never trips it, so no test depends on
 * retries.
 */
jest.setTimeout(30_000);

const AWS_ENVIRONMENT = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
] as const;

let sandbox: SandboxHandle;
const savedEnvironment: Record<string, string | undefined> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  for (const name of AWS_ENVIRONMENT) {
    savedEnvironment[name] = process.env[name];
  }
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDSANDBOX';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = 'us-east-1';
});

afterAll(async () => {
  for (const name of AWS_ENVIRONMENT) {
    if (savedEnvironment[name] === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = savedEnvironment[name];
    }
  }
  await sandbox?.stop();
});

beforeEach(() => {
  sandbox.control.reset({});
  sandbox.control.clearFaults();
  sandbox.control.resetCallCounts();
});

function createProvider(organization: object, provider: object = {}) {
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const entityProvider = AwsAccountsEntityProvider.fromConfig(
    new ConfigReader({
      awsAccounts: { region: 'us-east-1', organization },
      catalog: {
        providers: {
          awsAccounts: {
            fallbackOwner: 'team-platform',
            requestsPerSecond: 10,
            ...provider,
          },
        },
      },
    }),
    { logger, scheduler: mockServices.scheduler.mock() },
  );
  if (!entityProvider) {
    throw new Error('the provider config was not read');
  }
  const connection: jest.Mocked<EntityProviderConnection> = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  };
  return { provider: entityProvider, connection, logger };
}

function appliedEntities(connection: jest.Mocked<EntityProviderConnection>) {
  expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  const mutation: EntityProviderMutation =
    connection.applyMutation.mock.calls[0][0];
  if (mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation.type}`);
  }
  return mutation.entities.map(({ entity }) => entity);
}

/** The shared fixture, written out: id, name, OU path and id, owner, system, environment. */
const EXPECTED_ACCOUNTS = [
  ['111111111111', 'Management', 'Root', 'r-sra0', 'team-platform'],
  [
    '222222222222',
    'Security Tooling',
    'Root/Security',
    'ou-sra0-security',
    'team-security',
  ],
  [
    '333333333333',
    'Log Archive',
    'Root/Security',
    'ou-sra0-security',
    'team-security',
  ],
  [
    '444444444444',
    'Network',
    'Root/Infrastructure',
    'ou-sra0-infrastructure',
    'team-platform',
  ],
  [
    '500000000001',
    'payments-prod',
    'Root/Workloads/Prod',
    'ou-sra0-prod0001',
    'team-payments',
    'payments',
    'prod',
  ],
  [
    '500000000002',
    'payments-staging',
    'Root/Workloads/Staging',
    'ou-sra0-stage001',
    'team-payments',
    'payments',
    'staging',
  ],
  [
    '500000000003',
    'payments-dev',
    'Root/Workloads/Dev',
    'ou-sra0-dev00001',
    'team-payments',
    'payments',
    'dev',
  ],
  [
    '600000000001',
    'orders-prod',
    'Root/Workloads/Prod',
    'ou-sra0-prod0001',
    'team-orders',
    'orders',
    'prod',
  ],
  [
    '600000000002',
    'orders-staging',
    'Root/Workloads/Staging',
    'ou-sra0-stage001',
    'team-orders',
    'orders',
    'staging',
  ],
  [
    '600000000003',
    'orders-dev',
    'Root/Workloads/Dev',
    'ou-sra0-dev00001',
    'team-orders',
    'orders',
    'dev',
  ],
] as const;

function expectedEntity(row: readonly string[], status = 'ACTIVE') {
  const [id, name, path, unitId, owner, system, environment] = row;
  const consoleUrl = `https://console.aws.amazon.com/organizations/v2/home/accounts/${id}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `aws-account-${id}`,
      title: name,
      description: `AWS account ${name} (${id}) in ${path} of organization o-sra0example1`,
      annotations: {
        'backstage.io/managed-by-location': `url:${consoleUrl}`,
        'backstage.io/managed-by-origin-location': `url:${consoleUrl}`,
        'amazonaws.com/account-id': id,
        'amazonaws.com/arn': expect.stringMatching(
          new RegExp(
            `^arn:aws:organizations::111111111111:account/o-sra0example1/${id}$`,
          ),
        ),
        'amazonaws.com/organization-id': 'o-sra0example1',
        'amazonaws.com/organizational-unit-id': unitId,
        'amazonaws.com/organizational-unit-path': path,
      },
      labels: {
        'amazonaws.com/account-status': status,
        ...(environment ? { 'amazonaws.com/environment': environment } : {}),
      },
      links: [
        { url: consoleUrl, title: 'AWS Organizations console', icon: 'cloud' },
      ],
    },
    spec: {
      type: 'aws-account',
      owner: `group:default/${owner}`,
      ...(system ? { system } : {}),
    },
  };
}

describe('AwsAccountsEntityProvider against the sandbox', () => {
  it('emits every active seeded account with every field, leaving out the suspended one', async () => {
    const { provider, connection } = createProvider({});
    await provider.connect(connection);

    const outcome = await provider.refresh();

    expect(outcome).toMatchObject({
      status: 'applied',
      organizationId: 'o-sra0example1',
      accounts: 11,
      entities: 10,
      excluded: 1,
    });
    const entities = appliedEntities(connection);
    expect(
      [...entities].sort((a, b) =>
        a.metadata.name.localeCompare(b.metadata.name),
      ),
    ).toEqual(EXPECTED_ACCOUNTS.map(row => expectedEntity(row)));
    expect(
      connection.applyMutation.mock.calls[0][0].type === 'full' &&
        connection.applyMutation.mock.calls[0][0].entities.every(
          e => e.locationKey === 'aws-organization:o-sra0example1',
        ),
    ).toBe(true);
  });

  it('reads the OU tree once, without ListParents, and counts its calls as the sandbox does', async () => {
    const { provider, connection } = createProvider({});
    await provider.connect(connection);

    const outcome = await provider.refresh();

    if (outcome.status !== 'applied') {
      throw new Error(`the read failed: ${outcome.reason}`);
    }
    expect(outcome.statistics.calls).toEqual({
      DescribeOrganization: 1,
      ListRoots: 1,
      // root, 5 top-level units, 3 under Workloads
      ListOrganizationalUnitsForParent: 9,
      ListAccountsForParent: 9,
      ListTagsForResource: 11,
    });
    expect(outcome.statistics.retries).toBe(0);
    const counts = sandbox.control.callCounts();
    expect(counts['organizations:ListParents']).toBeUndefined();
    expect(counts).toMatchObject({
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListOrganizationalUnitsForParent': 9,
      'organizations:ListAccountsForParent': 9,
      'organizations:ListTagsForResource': 11,
    });
  });

  it('keeps suspended accounts when configured to', async () => {
    const { provider, connection } = createProvider(
      {},
      { includeSuspended: true },
    );
    await provider.connect(connection);

    await provider.refresh();

    const suspended = appliedEntities(connection).find(
      e => e.metadata.name === 'aws-account-700000000001',
    );
    expect(suspended).toEqual(
      expectedEntity(
        [
          '700000000001',
          'sandbox-experiments',
          'Root/Sandbox',
          'ou-sra0-sandbox1',
          'team-platform',
        ],
        'SUSPENDED',
      ),
    );
  });

  it('reads through an assumed role in the management account', async () => {
    const { provider, connection } = createProvider({
      accountId: '111111111111',
      roleName: 'OrganizationAccountAccessRole',
    });
    await provider.connect(connection);

    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'applied',
      entities: 10,
    });
    expect(sandbox.control.callCounts()['sts:AssumeRole']).toBe(1);
  });

  it('keeps the last good entities and names the role when it cannot be assumed', async () => {
    sandbox.control.denyAssumeRole(
      '111111111111',
      'OrganizationAccountAccessRole',
    );
    const { provider, connection, logger } = createProvider({
      accountId: '111111111111',
      roleName: 'OrganizationAccountAccessRole',
    });
    await provider.connect(connection);

    const outcome = await provider.refresh();

    expect(outcome.status).toBe('kept');
    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Kept the AWS account entities of the last good read: Could not describe the organization \(organizations:DescribeOrganization\) as role arn:aws:iam::111111111111:role\/OrganizationAccountAccessRole: .*; caused by AccessDenied/,
      ),
    );
  });

  it('keeps the last good entities when a tag read keeps failing', async () => {
    const { provider, connection, logger } = createProvider({});
    await provider.connect(connection);
    await provider.refresh();
    sandbox.control.failOperation({
      service: 'organizations',
      operation: 'ListTagsForResource',
      rate: 1,
      statusCode: 500,
    });

    const outcome = await provider.refresh();

    expect(outcome.status).toBe('kept');
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Kept the AWS account entities of the last good read: Could not list the tags of account \d{12} \(organizations:ListTagsForResource\)/,
      ),
    );
  }, 60_000);
});
