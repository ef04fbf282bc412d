import { TestDatabases } from '@backstage/backend-test-utils';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { getAs, postAs } from './harness/apiRequest';
import { ownerOnlyPermissions } from './harness/ownerOnlyPermissions';
import { seedEntities } from './harness/seedEntities';
import {
  PostureBackend,
  startPostureBackend,
  useSandboxEndpoint,
} from './harness/startPostureBackend';

jest.setTimeout(120_000);

const PAYMENTS_USER = 'user:default/payments-engineer';
const SECURITY_USER = 'user:default/security-engineer';
const STRANGER = 'user:default/stranger';

describe('a team sees nothing of another team accounts', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sandbox: SandboxHandle;
  let backend: PostureBackend;
  let restoreEnv: () => void;
  let paymentsAccounts: string[];
  let foreignAccounts: Array<{ id: string; name: string }>;
  let foreignFindingIds: Map<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    restoreEnv = useSandboxEndpoint(sandbox);
    const entities = seedEntities(sandbox.seed);
    backend = await startPostureBackend({
      sandbox,
      knex: await databases.init('SQLITE_3'),
      permissions: ownerOnlyPermissions(entities, {
        [PAYMENTS_USER]: ['group:default/team-payments'],
        [SECURITY_USER]: ['group:default/team-security'],
      }).factory,
    });
    await backend.collect();

    paymentsAccounts = sandbox.seed.accounts
      .filter(account => account.tags.owner === 'team-payments')
      .map(account => account.id)
      .sort();
    foreignAccounts = sandbox.seed.accounts
      .filter(account => account.tags.owner !== 'team-payments')
      .map(account => ({ id: account.id, name: account.name }));

    // Finding ids of other teams' accounts, as the security team reads them.
    foreignFindingIds = new Map();
    for (const account of foreignAccounts) {
      const owner = sandbox.seed.accounts.find(a => a.id === account.id)?.tags
        .owner;
      if (owner !== 'team-security') {
        continue;
      }
      const page = await getAs(
        backend.server,
        `/accounts/${account.id}/findings?limit=1`,
        SECURITY_USER,
      );
      if (page.body.items?.[0]) {
        foreignFindingIds.set(account.id, page.body.items[0].id);
      }
    }
  });

  afterAll(async () => {
    await backend?.stop();
    restoreEnv?.();
    await sandbox?.stop();
  });

  it('has collected data for both teams, so an empty answer means filtered', async () => {
    expect(paymentsAccounts.length).toBeGreaterThan(0);
    expect(foreignAccounts.length).toBeGreaterThan(0);
    expect(foreignFindingIds.size).toBeGreaterThan(0);
  });

  it('lists only the own team accounts', async () => {
    const response = await getAs(backend.server, '/accounts', PAYMENTS_USER);
    expect(response.status).toBe(200);
    expect(
      response.body.map((row: { accountId: string }) => row.accountId).sort(),
    ).toEqual(paymentsAccounts);

    for (const query of [
      '?owner=team-orders',
      '?owner=group:default/team-orders',
      '?ou=Root/Workloads/Prod',
      '?environment=prod',
      '?sort=findings',
    ]) {
      const filtered = await getAs(
        backend.server,
        `/accounts${query}`,
        PAYMENTS_USER,
      );
      for (const row of filtered.body) {
        expect(paymentsAccounts).toContain(row.accountId);
      }
    }
  });

  it('answers 404 for another team account on every account route, without its data', async () => {
    for (const account of foreignAccounts) {
      const routes = [
        `/accounts/${account.id}/posture`,
        `/accounts/${account.id}/history`,
        `/accounts/${account.id}/findings`,
        `/accounts/${account.id}/findings?severity=CRITICAL`,
      ];
      const findingId = foreignFindingIds.get(account.id);
      if (findingId) {
        routes.push(`/accounts/${account.id}/findings/${findingId}`);
      }
      for (const route of routes) {
        const response = await getAs(backend.server, route, PAYMENTS_USER);
        expect({ route, status: response.status }).toEqual({
          route,
          status: 404,
        });
        expect(response.text).not.toContain(account.name);
      }
      const refresh = await postAs(
        backend.server,
        `/accounts/${account.id}/refresh`,
        PAYMENTS_USER,
      );
      expect({ account: account.id, status: refresh.status }).toEqual({
        account: account.id,
        status: 404,
      });
    }
  });

  it('does not serve another team finding through the own account path', async () => {
    for (const findingId of foreignFindingIds.values()) {
      const response = await getAs(
        backend.server,
        `/accounts/${paymentsAccounts[0]}/findings/${findingId}`,
        PAYMENTS_USER,
      );
      expect(response.status).toBe(404);
    }
  });

  it('sums the organization summary over the own team accounts only', async () => {
    const response = await getAs(
      backend.server,
      '/organization/summary',
      PAYMENTS_USER,
    );
    expect(response.status).toBe(200);
    expect(response.body.accounts).toBe(paymentsAccounts.length);
    const text = JSON.stringify(response.body);
    for (const account of foreignAccounts) {
      expect(text).not.toContain(account.id);
      expect(text).not.toContain(account.name);
    }
    const rollupAccounts = response.body.byEnvironment.reduce(
      (sum: number, rollup: { accounts: number }) => sum + rollup.accounts,
      0,
    );
    expect(rollupAccounts).toBe(paymentsAccounts.length);
  });

  it('shows nothing at all to a user the policy denies', async () => {
    expect((await getAs(backend.server, '/accounts', STRANGER)).body).toEqual(
      [],
    );
    const summary = await getAs(
      backend.server,
      '/organization/summary',
      STRANGER,
    );
    expect(summary.body.accounts).toBe(0);
    expect(summary.body.unreadable).toEqual([]);
    for (const accountId of paymentsAccounts) {
      expect(
        (
          await getAs(
            backend.server,
            `/accounts/${accountId}/posture`,
            STRANGER,
          )
        ).status,
      ).toBe(404);
    }
  });
});
