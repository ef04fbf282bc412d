import {
  Account,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  OrganizationsServiceException,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConfigReader } from '@backstage/config';
import { AwsClientFactory } from '../AwsClientFactory';
import { DefaultOrganizationReader } from './DefaultOrganizationReader';
import { OrganizationReadError } from './OrganizationReadError';

const organizations = mockClient(OrganizationsClient);

function account(id: string, name: string): Account {
  return {
    Id: id,
    Arn: `arn:aws:organizations::111111111111:account/o-sra0example1/${id}`,
    Name: name,
    Email: `aws+${name}@example.com`,
    State: 'ACTIVE',
    JoinedMethod: 'CREATED',
    JoinedTimestamp: new Date('2024-01-02T03:04:05Z'),
  };
}

function unit(id: string, name: string) {
  return {
    Id: id,
    Arn: `arn:aws:organizations::111111111111:ou/o-sra0example1/${id}`,
    Name: name,
  };
}

function awsError(name: string, message: string) {
  return new OrganizationsServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

function seedOrganization() {
  organizations.on(DescribeOrganizationCommand).resolves({
    Organization: {
      Id: 'o-sra0example1',
      Arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
      MasterAccountId: '111111111111',
      MasterAccountEmail: 'aws+management@example.com',
      FeatureSet: 'ALL',
    },
  });
  organizations.on(ListRootsCommand).resolves({
    Roots: [
      {
        Id: 'r-sra0',
        Arn: 'arn:aws:organizations::111111111111:root/o-sra0example1/r-sra0',
        Name: 'Root',
      },
    ],
  });

  const units = organizations.on(ListOrganizationalUnitsForParentCommand);
  units.resolves({ OrganizationalUnits: [] });
  units
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-sra0' })
    .resolves({
      OrganizationalUnits: [unit('ou-sra0-workloads', 'Workloads')],
      NextToken: 'units-page-2',
    });
  units
    .on(ListOrganizationalUnitsForParentCommand, {
      ParentId: 'r-sra0',
      NextToken: 'units-page-2',
    })
    .resolves({ OrganizationalUnits: [unit('ou-sra0-sandbox1', 'Sandbox')] });
  units
    .on(ListOrganizationalUnitsForParentCommand, {
      ParentId: 'ou-sra0-workloads',
    })
    .resolves({ OrganizationalUnits: [unit('ou-sra0-prod0001', 'Prod')] });

  const accounts = organizations.on(ListAccountsForParentCommand);
  accounts.resolves({ Accounts: [] });
  accounts
    .on(ListAccountsForParentCommand, { ParentId: 'r-sra0' })
    .resolves({ Accounts: [account('111111111111', 'Management')] });
  accounts
    .on(ListAccountsForParentCommand, { ParentId: 'ou-sra0-prod0001' })
    .resolves({
      Accounts: [account('500000000001', 'payments-prod')],
      NextToken: 'accounts-page-2',
    });
  accounts
    .on(ListAccountsForParentCommand, {
      ParentId: 'ou-sra0-prod0001',
      NextToken: 'accounts-page-2',
    })
    .resolves({ Accounts: [account('600000000001', 'orders-prod')] });
  accounts
    .on(ListAccountsForParentCommand, { ParentId: 'ou-sra0-sandbox1' })
    .resolves({
      Accounts: [
        {
          ...account('700000000001', 'sandbox-experiments'),
          State: undefined,
          Status: 'SUSPENDED',
        },
      ],
    });

  const tags = organizations.on(ListTagsForResourceCommand);
  tags.resolves({ Tags: [] });
  tags.on(ListTagsForResourceCommand, { ResourceId: '500000000001' }).resolves({
    Tags: [{ Key: 'owner', Value: 'team-payments' }],
    NextToken: 'tags-page-2',
  });
  tags
    .on(ListTagsForResourceCommand, {
      ResourceId: '500000000001',
      NextToken: 'tags-page-2',
    })
    .resolves({ Tags: [{ Key: 'application', Value: 'payments' }] });
}

function createReader() {
  return DefaultOrganizationReader.create({
    client: new OrganizationsClient({ region: 'us-east-1' }),
    principal: 'role arn:aws:iam::111111111111:role/OrgRead',
    requestsPerSecond: 1000,
  });
}

describe('DefaultOrganizationReader', () => {
  beforeEach(() => {
    organizations.reset();
    seedOrganization();
  });

  it('reads the unit tree breadth-first, the accounts of each parent and their tags, following every page', async () => {
    const snapshot = await createReader().readOrganization();

    expect(snapshot.organization).toEqual({
      id: 'o-sra0example1',
      arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
      managementAccountId: '111111111111',
      managementAccountEmail: 'aws+management@example.com',
      featureSet: 'ALL',
    });
    expect(snapshot.root).toEqual({
      id: 'r-sra0',
      arn: 'arn:aws:organizations::111111111111:root/o-sra0example1/r-sra0',
      name: 'Root',
    });
    expect(
      snapshot.organizationalUnits.map(u => [u.id, u.path, u.parentId]),
    ).toEqual([
      ['ou-sra0-workloads', 'Root/Workloads', 'r-sra0'],
      ['ou-sra0-sandbox1', 'Root/Sandbox', 'r-sra0'],
      ['ou-sra0-prod0001', 'Root/Workloads/Prod', 'ou-sra0-workloads'],
    ]);
    expect(
      snapshot.accounts.map(a => [
        a.id,
        a.state,
        a.organizationalUnitId,
        a.organizationalUnitPath,
      ]),
    ).toEqual([
      ['111111111111', 'ACTIVE', 'r-sra0', 'Root'],
      ['700000000001', 'SUSPENDED', 'ou-sra0-sandbox1', 'Root/Sandbox'],
      ['500000000001', 'ACTIVE', 'ou-sra0-prod0001', 'Root/Workloads/Prod'],
      ['600000000001', 'ACTIVE', 'ou-sra0-prod0001', 'Root/Workloads/Prod'],
    ]);
    expect(snapshot.accounts[2]).toEqual({
      id: '500000000001',
      arn: 'arn:aws:organizations::111111111111:account/o-sra0example1/500000000001',
      name: 'payments-prod',
      email: 'aws+payments-prod@example.com',
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedTimestamp: new Date('2024-01-02T03:04:05Z'),
      organizationalUnitId: 'ou-sra0-prod0001',
      organizationalUnitPath: 'Root/Workloads/Prod',
      tags: { owner: 'team-payments', application: 'payments' },
    });
    expect(snapshot.accounts[0].tags).toEqual({});

    expect(snapshot.statistics.calls).toEqual({
      DescribeOrganization: 1,
      ListRoots: 1,
      // root (2 pages), Workloads, Sandbox, Prod
      ListOrganizationalUnitsForParent: 5,
      ListAccountsForParent: 5,
      // one per account, plus a second page for payments-prod
      ListTagsForResource: 5,
    });
    expect(snapshot.statistics.totalCalls).toBe(17);
    expect(organizations).toHaveReceivedCommandTimes(
      ListOrganizationalUnitsForParentCommand,
      5,
    );
    expect(organizations).toHaveReceivedCommandWith(
      ListAccountsForParentCommand,
      { ParentId: 'ou-sra0-prod0001', MaxResults: 20 },
    );
  });

  it('skips the tags when asked to', async () => {
    const snapshot = await createReader().readOrganization({
      includeTags: false,
    });

    expect(snapshot.accounts).toHaveLength(4);
    expect(snapshot.accounts.every(a => a.tags === undefined)).toBe(true);
    expect(snapshot.statistics.calls.ListTagsForResource).toBe(0);
    expect(organizations).not.toHaveReceivedCommand(ListTagsForResourceCommand);
  });

  it('takes known tags as they are and reads only the tags of the other accounts', async () => {
    const knownTags = new Map([
      ['111111111111', { owner: 'team-platform' }],
      ['600000000001', { owner: 'team-orders' }],
      ['700000000001', { owner: 'team-platform' }],
    ]);

    const snapshot = await createReader().readOrganization({ knownTags });

    expect(snapshot.statistics.calls.ListTagsForResource).toBe(2);
    expect(organizations).toHaveReceivedCommandWith(
      ListTagsForResourceCommand,
      { ResourceId: '500000000001' },
    );
    expect(organizations).not.toHaveReceivedCommandWith(
      ListTagsForResourceCommand,
      { ResourceId: '600000000001' },
    );
    const byId = new Map(snapshot.accounts.map(a => [a.id, a.tags]));
    expect(byId.get('600000000001')).toEqual({ owner: 'team-orders' });
    expect(byId.get('500000000001')).toEqual({
      owner: 'team-payments',
      application: 'payments',
    });
  });

  it('names the account, operation and role when a tag read fails, and sends no further tag reads', async () => {
    organizations
      .on(ListTagsForResourceCommand, { ResourceId: '111111111111' })
      .rejects(awsError('AccessDeniedException', 'not authorized'));
    const reader = DefaultOrganizationReader.create({
      client: new OrganizationsClient({ region: 'us-east-1' }),
      principal: 'role arn:aws:iam::111111111111:role/OrgRead',
      maxConcurrency: 1,
      requestsPerSecond: 1000,
    });

    const failure = reader.readOrganization();

    await expect(failure).rejects.toBeInstanceOf(OrganizationReadError);
    await expect(failure).rejects.toMatchObject({
      operation: 'ListTagsForResource',
      accountId: '111111111111',
      message: expect.stringContaining(
        'Could not list the tags of account 111111111111 (organizations:ListTagsForResource) as role arn:aws:iam::111111111111:role/OrgRead: check that role arn:aws:iam::111111111111:role/OrgRead exists, trusts the Backstage credentials, and allows organizations:ListTagsForResource; caused by AccessDeniedException: not authorized',
      ),
    });
    // The management account is first; with one request at a time the
    // failure stops the three tag reads queued behind it.
    expect(organizations).toHaveReceivedCommandTimes(
      ListTagsForResourceCommand,
      1,
    );
  });

  it('stops sending requests once its signal aborts', async () => {
    const controller = new AbortController();
    organizations
      .on(ListTagsForResourceCommand, { ResourceId: '111111111111' })
      .callsFake(async () => {
        controller.abort();
        return { Tags: [] };
      });
    const reader = DefaultOrganizationReader.create({
      client: new OrganizationsClient({ region: 'us-east-1' }),
      maxConcurrency: 1,
      requestsPerSecond: 1000,
    });

    await expect(
      reader.readOrganization({ signal: controller.signal }),
    ).rejects.toThrow(
      /\(organizations:ListTagsForResource\) as the configured credentials: the read was stopped before it finished; caused by AbortError/,
    );
    expect(organizations).toHaveReceivedCommandTimes(
      ListTagsForResourceCommand,
      1,
    );
  });

  it('tells the user what to do when throttling outlasts the retries', async () => {
    organizations
      .on(ListOrganizationalUnitsForParentCommand, {
        ParentId: 'ou-sra0-workloads',
      })
      .rejects(awsError('TooManyRequestsException', 'Rate exceeded'));

    await expect(createReader().readOrganization()).rejects.toThrow(
      'Could not list the organizational units in Root/Workloads (ou-sra0-workloads) (organizations:ListOrganizationalUnitsForParent) as role arn:aws:iam::111111111111:role/OrgRead: AWS Organizations kept throttling past the retries; lower the request rate of the organization reader or raise awsAccounts.maxAttempts',
    );
  });

  it('explains an account outside any organization', async () => {
    organizations
      .on(DescribeOrganizationCommand)
      .rejects(awsError('AWSOrganizationsNotInUseException', 'not in use'));

    await expect(createReader().readOrganization()).rejects.toThrow(
      /point awsAccounts.organization at the management account or an Organizations delegated administrator/,
    );
  });

  it('rejects an answer without the fields every account has', async () => {
    organizations
      .on(ListAccountsForParentCommand, { ParentId: 'r-sra0' })
      .resolves({ Accounts: [{ Id: '111111111111', Name: 'Management' }] });

    await expect(createReader().readOrganization()).rejects.toThrow(
      'Could not list the accounts in Root (r-sra0) (organizations:ListAccountsForParent) as role arn:aws:iam::111111111111:role/OrgRead: the answer lacked required fields for account 111111111111; check that the endpoint is AWS Organizations',
    );
  });

  it('finds an organizational unit by id or path without reading accounts', async () => {
    const reader = createReader();

    await expect(
      reader.findOrganizationalUnit('Root/Workloads/Prod'),
    ).resolves.toMatchObject({ id: 'ou-sra0-prod0001' });
    await expect(
      reader.findOrganizationalUnit('workloads/prod'),
    ).resolves.toMatchObject({ id: 'ou-sra0-prod0001' });
    await expect(
      reader.findOrganizationalUnit('ou-sra0-sandbox1'),
    ).resolves.toMatchObject({ path: 'Root/Sandbox' });
    await expect(
      reader.findOrganizationalUnit('Workloads/Missing'),
    ).resolves.toBeUndefined();
    expect(organizations).not.toHaveReceivedCommand(
      ListAccountsForParentCommand,
    );
    expect(organizations).not.toHaveReceivedCommand(
      DescribeOrganizationCommand,
    );
  });

  it('finds an account by email or name, case-insensitively, without reading tags', async () => {
    const reader = createReader();

    await expect(
      reader.findAccount({ email: 'AWS+payments-prod@example.com' }),
    ).resolves.toMatchObject({ id: '500000000001' });
    await expect(
      reader.findAccount({ name: ' Orders-Prod ' }),
    ).resolves.toMatchObject({ id: '600000000001' });
    await expect(
      reader.findAccount({ id: '999999999999' }),
    ).resolves.toBeUndefined();
    expect(organizations).not.toHaveReceivedCommand(ListTagsForResourceCommand);
  });

  describe('fromConfig', () => {
    it('builds the client for the configured account and role in the home Region', async () => {
      const client = new OrganizationsClient({ region: 'eu-west-1' });
      const create = jest.fn(async () => client) as jest.Mock &
        AwsClientFactory['create'];
      const reader = DefaultOrganizationReader.fromConfig(
        new ConfigReader({
          awsAccounts: {
            region: 'eu-west-1',
            organization: { accountId: '111111111111', roleName: 'OrgRead' },
          },
        }),
        { clientFactory: { create } },
      );

      await reader.readOrganization({ includeTags: false });
      await reader.readOrganization({ includeTags: false });

      expect(create).toHaveBeenCalledTimes(1);
      expect(create).toHaveBeenCalledWith(OrganizationsClient, {
        accountId: '111111111111',
        roleName: 'OrgRead',
        region: 'eu-west-1',
      });
    });

    it('rejects an account id that is not twelve digits', () => {
      expect(() =>
        DefaultOrganizationReader.fromConfig(
          new ConfigReader({
            awsAccounts: { organization: { accountId: '1111' } },
          }),
          { clientFactory: { create: jest.fn() } },
        ),
      ).toThrow(
        "awsAccounts.organization.accountId must be the 12-digit id of the management account or of an Organizations delegated administrator, got '1111'",
      );
    });

    it('rejects a role name without the account that holds it', () => {
      expect(() =>
        DefaultOrganizationReader.fromConfig(
          new ConfigReader({
            awsAccounts: { organization: { roleName: 'OrgRead' } },
          }),
          { clientFactory: { create: jest.fn() } },
        ),
      ).toThrow(
        "awsAccounts.organization.roleName 'OrgRead' needs awsAccounts.organization.accountId",
      );
    });
  });
});
