import {
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  TagResourceCommand,
  TooManyRequestsException,
  AccountNotFoundException,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
} from '@aws-sdk/client-organizations';
import {
  SEED_ACCOUNTS,
  SEED_ORGANIZATION,
  SEED_OUS,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { clientSettings } from '../../__testUtils__/sandboxClients';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('Organizations', () => {
  let sandbox: SandboxHandle;
  let organizations: OrganizationsClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    organizations = new OrganizationsClient(clientSettings(sandbox));
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('describes the SRA organization', async () => {
    const { Organization } = await organizations.send(
      new DescribeOrganizationCommand({}),
    );
    expect(Organization).toMatchObject({
      Id: SEED_ORGANIZATION.id,
      MasterAccountId: '111111111111',
      MasterAccountEmail: 'aws+management@example.com',
      FeatureSet: 'ALL',
    });
  });

  it('pages through every account with the SDK paginator', async () => {
    const pages = await collect(
      paginateListAccounts({ client: organizations, pageSize: 4 }, {}),
    );
    expect(pages).toHaveLength(3);
    const accounts = pages.flatMap(p => p.Accounts ?? []);
    expect(accounts.map(a => a.Id)).toEqual(
      Object.values(SEED_ACCOUNTS).map(a => a.id),
    );
    expect(accounts.find(a => a.Id === '700000000001')).toMatchObject({
      Status: 'SUSPENDED',
      Name: 'sandbox-experiments',
    });
    expect(
      accounts.find(a => a.Id === '500000000001')?.JoinedTimestamp,
    ).toBeInstanceOf(Date);
  });

  it('walks the OU tree', async () => {
    const top = await collect(
      paginateListOrganizationalUnitsForParent(
        { client: organizations },
        { ParentId: SEED_ORGANIZATION.rootId },
      ),
    );
    expect(
      top.flatMap(p => p.OrganizationalUnits ?? []).map(u => u.Name),
    ).toEqual(['Security', 'Infrastructure', 'Workloads', 'Sandbox', 'Legacy']);
    const prod = await collect(
      paginateListAccountsForParent(
        { client: organizations },
        { ParentId: SEED_OUS.prod.id },
      ),
    );
    expect(prod.flatMap(p => p.Accounts ?? []).map(a => a.Name)).toEqual([
      'payments-prod',
      'orders-prod',
    ]);
    const parents = await organizations.send(
      new ListParentsCommand({ ChildId: SEED_OUS.prod.id }),
    );
    expect(parents.Parents).toEqual([
      { Id: SEED_OUS.workloads.id, Type: 'ORGANIZATIONAL_UNIT' },
    ]);
  });

  it('shows Control Tower enrollment as the guardrail SCP on enrolled OUs', async () => {
    const names = async (TargetId: string) =>
      (
        await organizations.send(
          new ListPoliciesForTargetCommand({
            TargetId,
            Filter: 'SERVICE_CONTROL_POLICY',
          }),
        )
      ).Policies?.map(p => p.Name);
    expect(await names(SEED_OUS.dev.id)).toEqual([
      'FullAWSAccess',
      expect.stringMatching(/^aws-guardrails-/),
    ]);
    expect(await names(SEED_OUS.legacy.id)).toEqual(['FullAWSAccess']);
  });

  it('reads and writes account tags', async () => {
    const before = await organizations.send(
      new ListTagsForResourceCommand({ ResourceId: '500000000003' }),
    );
    expect(before.Tags).toEqual([
      { Key: 'owner', Value: 'team-payments' },
      { Key: 'application', Value: 'payments' },
      { Key: 'environment', Value: 'dev' },
    ]);
    await organizations.send(
      new TagResourceCommand({
        ResourceId: '500000000003',
        Tags: [{ Key: 'cost-center', Value: '42' }],
      }),
    );
    const after = await organizations.send(
      new ListTagsForResourceCommand({ ResourceId: '500000000003' }),
    );
    expect(after.Tags).toContainEqual({ Key: 'cost-center', Value: '42' });
  });

  it('answers an unknown account with AccountNotFoundException', async () => {
    await expect(
      organizations.send(
        new DescribeAccountCommand({ AccountId: '999999999999' }),
      ),
    ).rejects.toBeInstanceOf(AccountNotFoundException);
  });

  it('refuses member accounts', async () => {
    const member = new OrganizationsClient(
      clientSettings(sandbox, { accountId: '500000000001' }),
    );
    await expect(
      member.send(new DescribeAccountCommand({ AccountId: '500000000001' })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('throttles with TooManyRequestsException, which the SDK retries', async () => {
    sandbox.control.setQuota('organizations:DescribeAccount', {
      rate: 5,
      burst: 1,
    });
    const retrying = new OrganizationsClient(
      clientSettings(sandbox, { maxAttempts: 5 }),
    );
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        retrying.send(
          new DescribeAccountCommand({ AccountId: '500000000001' }),
        ),
      ),
    );
    expect(results.map(r => r.Account?.Name)).toEqual([
      'payments-prod',
      'payments-prod',
      'payments-prod',
    ]);
    expect(results.some(r => r.$metadata.attempts! > 1)).toBe(true);

    sandbox.control.setQuota('organizations:DescribeAccount', {
      rate: 0.01,
      burst: 1,
    });
    await organizations
      .send(new DescribeAccountCommand({ AccountId: '500000000001' }))
      .catch(() => undefined);
    const error = await organizations
      .send(new DescribeAccountCommand({ AccountId: '500000000001' }))
      .catch(e => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
