import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  AwsAccount,
  OrganizationReader,
  OrganizationReadError,
  OrganizationSnapshot,
} from '@sra-backstage/plugin-aws-accounts-node';
import { AwsAccountsEntityProvider } from './AwsAccountsEntityProvider';
import { AwsAccountsProviderConfig } from './AwsAccountsProviderConfig';

const config: AwsAccountsProviderConfig = {
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
  entityType: 'aws-account',
  ownerTag: 'owner',
  fallbackOwner: 'group:default/team-platform',
  applicationTag: 'application',
  environmentTag: 'environment',
  includeSuspended: false,
  includeClosed: false,
};

function account(
  id: string,
  state: AwsAccount['state'],
  tags: Record<string, string> = {},
): AwsAccount {
  return {
    id,
    arn: `arn:aws:organizations::111111111111:account/o-sra0example1/${id}`,
    name: `account-${id}`,
    email: `aws+${id}@example.com`,
    state,
    organizationalUnitId: 'r-sra0',
    organizationalUnitPath: 'Root',
    tags,
  };
}

function snapshot(accounts: AwsAccount[]): OrganizationSnapshot {
  return {
    organization: {
      id: 'o-sra0example1',
      arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
      managementAccountId: '111111111111',
    },
    root: { id: 'r-sra0', arn: 'arn:root', name: 'Root' },
    organizationalUnits: [],
    accounts,
    statistics: {
      calls: {
        DescribeOrganization: 1,
        ListRoots: 1,
        ListOrganizationalUnitsForParent: 1,
        ListAccountsForParent: 1,
        ListTagsForResource: accounts.length,
      },
      totalCalls: 4 + accounts.length,
      retries: 0,
      durationMs: 12,
    },
  };
}

const seeded = snapshot([
  account('111111111111', 'ACTIVE'),
  account('500000000001', 'ACTIVE', { owner: 'team-payments' }),
  account('700000000001', 'SUSPENDED', { owner: 'team-platform' }),
  account('800000000001', 'PENDING_CLOSURE'),
  account('800000000002', 'CLOSED'),
]);

function setup(
  overrides: Partial<AwsAccountsProviderConfig> = {},
  readOrganization: OrganizationReader['readOrganization'] = async () => seeded,
) {
  const logger = mockServices.logger.mock();
  const childLogger = mockServices.logger.mock();
  logger.child.mockReturnValue(childLogger);
  childLogger.child.mockReturnValue(childLogger);
  const scheduler = mockServices.scheduler.mock();
  const reader: OrganizationReader = {
    readOrganization: jest.fn(readOrganization),
    findOrganizationalUnit: jest.fn(),
    findAccount: jest.fn(),
  };
  const connection: jest.Mocked<EntityProviderConnection> = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  };
  const provider = AwsAccountsEntityProvider.create({
    config: { ...config, ...overrides },
    reader,
    scheduler,
    logger,
  });
  return { provider, connection, scheduler, logger: childLogger, reader };
}

function appliedNames(connection: jest.Mocked<EntityProviderConnection>) {
  const mutation = connection.applyMutation.mock.calls[0][0];
  if (mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation.type}`);
  }
  return mutation.entities.map(e => e.entity.metadata.name);
}

describe('AwsAccountsEntityProvider', () => {
  it('schedules its read with the configured schedule', async () => {
    const { provider, connection, scheduler } = setup();

    await provider.connect(connection);

    expect(scheduler.scheduleTask).toHaveBeenCalledWith({
      id: 'AwsAccountsEntityProvider:refresh',
      frequency: { minutes: 30 },
      timeout: { minutes: 10 },
      fn: expect.any(Function),
    });
  });

  it("passes the scheduler's abort signal to the read", async () => {
    const { provider, connection, scheduler, reader } = setup();
    await provider.connect(connection);
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    const controller = new AbortController();

    await fn(controller.signal);

    expect(reader.readOrganization).toHaveBeenCalledWith({
      signal: controller.signal,
    });
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('applies one entity per active account, leaving out suspended and closed ones', async () => {
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    const outcome = await provider.refresh();

    expect(appliedNames(connection)).toEqual([
      'aws-account-111111111111',
      'aws-account-500000000001',
    ]);
    expect(connection.applyMutation.mock.calls[0][0]).toMatchObject({
      type: 'full',
      entities: [
        { locationKey: 'aws-organization:o-sra0example1' },
        { locationKey: 'aws-organization:o-sra0example1' },
      ],
    });
    expect(outcome).toMatchObject({
      status: 'applied',
      organizationId: 'o-sra0example1',
      accounts: 5,
      entities: 2,
      excluded: 3,
    });
    expect(logger.info).toHaveBeenCalledWith(
      'Read 5 accounts of AWS organization o-sra0example1 and emitted 2 entities',
      expect.objectContaining({ calls: 9, retries: 0, excluded: 3 }),
    );
  });

  it('keeps suspended and closed accounts when configured to', async () => {
    const { provider, connection } = setup({
      includeSuspended: true,
      includeClosed: true,
    });
    await provider.connect(connection);

    await provider.refresh();

    expect(appliedNames(connection)).toHaveLength(5);
  });

  it('keeps the last good entities when the read fails, with one line naming the account and role', async () => {
    const failure = new OrganizationReadError({
      message:
        'Could not list the tags of account 600000000001 (organizations:ListTagsForResource) as role arn:aws:iam::111111111111:role/OrgRead: check that role arn:aws:iam::111111111111:role/OrgRead exists',
      operation: 'ListTagsForResource',
      accountId: '600000000001',
      cause: undefined,
    });
    const { provider, connection, logger } = setup({}, async () => {
      throw failure;
    });
    await provider.connect(connection);

    const outcome = await provider.refresh();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(outcome).toEqual({ status: 'kept', reason: failure.message });
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      `Kept the AWS account entities of the last good read: ${failure.message}`,
    );
  });

  it('refuses to empty the catalog when the organization lists no accounts', async () => {
    const { provider, connection, logger } = setup({}, async () =>
      snapshot([]),
    );
    await provider.connect(connection);

    await provider.refresh();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        'AWS Organizations listed no accounts in organization o-sra0example1',
      ),
    );
  });

  it('names the accounts left out for want of an owner', async () => {
    const { provider, connection, logger } = setup({
      fallbackOwner: undefined,
    });
    await provider.connect(connection);

    await provider.refresh();

    expect(appliedNames(connection)).toEqual(['aws-account-500000000001']);
    expect(logger.warn).toHaveBeenCalledWith(
      "1 AWS accounts have no 'owner' tag and no fallback owner is set, so they are left out of the catalog; tag them or set catalog.providers.awsAccounts.fallbackOwner",
      { accountIds: '111111111111' },
    );
  });

  it('runs one read at a time when asked twice', async () => {
    const { provider, connection, reader } = setup();
    await provider.connect(connection);

    await Promise.all([provider.refresh(), provider.refresh()]);

    expect(reader.readOrganization).toHaveBeenCalledTimes(1);
  });

  it('reads all tags on a scheduled read, and after a refresh request only those of new and named accounts', async () => {
    jest.useFakeTimers();
    try {
      const { provider, connection, reader } = setup();
      await provider.connect(connection);

      await provider.refresh();
      expect(reader.readOrganization).toHaveBeenLastCalledWith(
        expect.objectContaining({ knownTags: undefined }),
      );

      provider.requestRefresh(['500000000001']);
      await jest.advanceTimersByTimeAsync(2_000);
      await provider.refresh();

      const { knownTags } = jest.mocked(reader.readOrganization).mock
        .calls[1][0]!;
      expect([...knownTags!.keys()].sort()).toEqual([
        '111111111111',
        '700000000001',
        '800000000001',
        '800000000002',
      ]);
      expect(knownTags!.get('700000000001')).toEqual({
        owner: 'team-platform',
      });

      await provider.refresh();
      expect(reader.readOrganization).toHaveBeenLastCalledWith(
        expect.objectContaining({ knownTags: undefined }),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses to read before it is connected', async () => {
    const { provider } = setup();

    await expect(provider.refresh()).rejects.toThrow(
      'AwsAccountsEntityProvider is not connected to the catalog yet',
    );
  });

  it('triggers its scheduled task on a refresh request', async () => {
    jest.useFakeTimers();
    try {
      const { provider, connection, scheduler } = setup();
      await provider.connect(connection);

      provider.requestRefresh();
      provider.requestRefresh();
      await jest.advanceTimersByTimeAsync(2_000);

      expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
      expect(scheduler.triggerTask).toHaveBeenCalledWith(
        'AwsAccountsEntityProvider:refresh',
      );
    } finally {
      jest.useRealTimers();
    }
  });
});
