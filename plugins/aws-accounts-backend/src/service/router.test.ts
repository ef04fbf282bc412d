import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';
import { Knex } from 'knex';
import request from 'supertest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { parseInspectorFinding } from '../collector/parseInspectorFinding';
import { AccountStore } from '../database/AccountStore';
import { FindingStore } from '../database/FindingStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { awsAccountsPlugin } from '../plugin';

jest.setTimeout(60_000);

const PAYMENTS = '500000000001';
const ORDERS = '600000000001';
const refOf = (accountId: string) =>
  `resource:default/aws-account-${accountId}`;

function snapshotOf(
  accountId: string,
  score: number,
  critical: number,
): PostureSnapshot {
  const counts = {
    CRITICAL: critical,
    HIGH: 1,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
  };
  return {
    accountId,
    collectedAt: new Date().toISOString(),
    regions: ['us-east-1'],
    score,
    controls: { passed: 1, failed: 1, unknown: 0, noData: 0 },
    findings: {
      securityhub: counts,
      guardduty: counts,
      inspector: counts,
      accessAnalyzer: { active: 0 },
    },
    config: { compliant: 1, nonCompliant: 0 },
    inspectorCoverage: { covered: 1, byResourceType: { AWS_EC2_INSTANCE: 1 } },
    services: [],
    checks: [],
    topFailingControls: [],
    topGuardDutyFindings: [],
    errors: [],
  };
}

/**
 * A permissions service like the demo policy: everything allowed, except
 * posture reads, which are conditional and answered per entity ref.
 */
function permissionsAllowing(readable: string[], refresh = true) {
  return mockServices.permissions.mock({
    authorizeConditional: async requests =>
      requests.map(
        () =>
          ({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [] },
            },
          } as PolicyDecision),
      ),
    authorize: async requests =>
      requests.map(r => ({
        result:
          (r.permission.name === 'aws-accounts.posture.refresh'
            ? refresh
            : true) &&
          'resourceRef' in r &&
          readable.includes(r.resourceRef as string)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
  });
}

describe('router', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(permissions: ServiceFactory) {
    const knex: Knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        awsAccountsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        catalogServiceMock.factory({ entities: [] }),
        permissions,
        mockServices.rootConfig.factory({
          data: {
            awsAccounts: {
              region: 'us-east-1',
              regions: ['us-east-1'],
              maxAttempts: 1,
              posture: { mode: 'perAccount', refreshIntervalSeconds: 60 },
            },
          },
        }),
      ],
    });

    const accounts = AccountStore.create(knex);
    await accounts.replaceAll(
      [
        {
          accountId: PAYMENTS,
          name: 'payments-prod',
          entityRef: refOf(PAYMENTS),
          owner: 'group:default/team-payments',
          environment: 'prod',
          organizationalUnitId: 'ou-sra0-prod0001',
          organizationalUnitPath: 'Root/Workloads/Prod',
        },
        {
          accountId: ORDERS,
          name: 'orders-prod',
          entityRef: refOf(ORDERS),
          owner: 'group:default/team-orders',
          environment: 'prod',
          organizationalUnitId: 'ou-sra0-prod0001',
          organizationalUnitPath: 'Root/Workloads/Prod',
        },
      ],
      new Date().toISOString(),
    );
    await accounts.setReadError(ORDERS, {
      reason: 'AssumeRole was denied',
      at: '2026-12-01T00:00:00.000Z',
    });
    const snapshots = SnapshotStore.create(knex);
    await snapshots.insert(snapshotOf(PAYMENTS, 80, 2), true);
    await snapshots.insert(snapshotOf(ORDERS, 40, 5), true);
    const { findings } = loadFixture('inspector2/list-findings-many.json');
    await FindingStore.create(knex).upsert(
      findings.map(
        (f: any) =>
          parseInspectorFinding(
            {
              ...f,
              awsAccountId: PAYMENTS,
              findingArn: f.findingArn.replace('012345678901', PAYMENTS),
            },
            'us-east-1',
          )!,
      ),
    );
    return { server, knex };
  }

  const auth = () => mockCredentials.user.header();

  describe('with a policy that allows every account', () => {
    it('lists, filters and sorts accounts and serves posture, history and findings', async () => {
      const { server } = await start(
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      );

      const list = await request(server)
        .get('/api/aws-accounts/accounts?sort=score')
        .set('Authorization', auth());
      expect(list.status).toBe(200);
      expect(list.body.map((a: any) => a.accountId)).toEqual([
        ORDERS,
        PAYMENTS,
      ]);
      expect(list.body[0].readError.reason).toMatch(/denied/);

      const byOwner = await request(server)
        .get('/api/aws-accounts/accounts?owner=team-payments')
        .set('Authorization', auth());
      expect(byOwner.body.map((a: any) => a.accountId)).toEqual([PAYMENTS]);
      const byOu = await request(server)
        .get('/api/aws-accounts/accounts?ou=Workloads')
        .set('Authorization', auth());
      expect(byOu.body).toHaveLength(2);
      const byOtherOu = await request(server)
        .get('/api/aws-accounts/accounts?ou=Root/Sandbox')
        .set('Authorization', auth());
      expect(byOtherOu.body).toHaveLength(0);

      const posture = await request(server)
        .get(`/api/aws-accounts/accounts/${PAYMENTS}/posture`)
        .set('Authorization', auth());
      expect(posture.status).toBe(200);
      expect(posture.body.score).toBe(80);

      const history = await request(server)
        .get(`/api/aws-accounts/accounts/${PAYMENTS}/history`)
        .set('Authorization', auth());
      expect(history.body).toHaveLength(1);

      const page1 = await request(server)
        .get(
          `/api/aws-accounts/accounts/${PAYMENTS}/findings?source=inspector&limit=5`,
        )
        .set('Authorization', auth());
      expect(page1.status).toBe(200);
      expect(page1.body.totalCount).toBe(7);
      expect(page1.body.items).toHaveLength(5);
      const page2 = await request(server)
        .get(
          `/api/aws-accounts/accounts/${PAYMENTS}/findings?source=inspector&limit=5&cursor=${page1.body.nextCursor}`,
        )
        .set('Authorization', auth());
      expect(page2.body.items).toHaveLength(2);
      expect(page2.body.nextCursor).toBeUndefined();

      const one = await request(server)
        .get(
          `/api/aws-accounts/accounts/${PAYMENTS}/findings/${page1.body.items[0].id}`,
        )
        .set('Authorization', auth());
      expect(one.body.arn).toBe(page1.body.items[0].arn);

      const summary = await request(server)
        .get('/api/aws-accounts/organization/summary')
        .set('Authorization', auth());
      expect(summary.body).toMatchObject({ accounts: 2, averageScore: 60 });
      expect(summary.body.byEnvironment[0]).toMatchObject({
        key: 'prod',
        accounts: 2,
      });
      expect(summary.body.unreadable.map((u: any) => u.accountId)).toEqual([
        ORDERS,
      ]);
    });

    it.each([
      ['/accounts/12345/posture', /accountId parameter/],
      ['/accounts/12345678901a/findings', /accountId parameter/],
      [
        `/accounts/${PAYMENTS}/findings?severity=HIGH,SEVERE`,
        /severity parameter.*SEVERE/,
      ],
      [`/accounts/${PAYMENTS}/findings?source=cloudtrail`, /source parameter/],
      [
        `/accounts/${PAYMENTS}/findings?limit=501`,
        /limit parameter.*between 1 and 500/,
      ],
      [`/accounts/${PAYMENTS}/findings?limit=0`, /limit parameter/],
      [
        `/accounts/${PAYMENTS}/findings?cursor=bm90LWEtY3Vyc29y`,
        /cursor parameter/,
      ],
      [
        `/accounts/${PAYMENTS}/findings?sortBy=title`,
        /unknown query parameter sortBy/,
      ],
      [
        `/accounts/${PAYMENTS}/findings?exploitAvailable=maybe`,
        /exploitAvailable parameter/,
      ],
      [`/accounts/${PAYMENTS}/findings/not-an-id`, /findingId parameter/],
      [`/accounts/${PAYMENTS}/history?from=yesterday`, /from parameter/],
      ['/accounts?sort=risk', /sort parameter/],
    ])('answers 400 naming the parameter for %s', async (path, message) => {
      const { server } = await start(
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      );
      const response = await request(server)
        .get(`/api/aws-accounts${path}`)
        .set('Authorization', auth());
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(message);
    });
  });

  describe('with a policy that allows owners only', () => {
    it('lists only readable accounts and answers 404 for the others', async () => {
      const { server } = await start(
        permissionsAllowing([refOf(PAYMENTS)]).factory,
      );

      const list = await request(server)
        .get('/api/aws-accounts/accounts')
        .set('Authorization', auth());
      expect(list.body.map((a: any) => a.accountId)).toEqual([PAYMENTS]);

      for (const path of ['posture', 'history', 'findings']) {
        const hidden = await request(server)
          .get(`/api/aws-accounts/accounts/${ORDERS}/${path}`)
          .set('Authorization', auth());
        expect(hidden.status).toBe(404);
      }
      const unknown = await request(server)
        .get('/api/aws-accounts/accounts/123456789012/posture')
        .set('Authorization', auth());
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toEqual(
        (
          await request(server)
            .get(`/api/aws-accounts/accounts/${ORDERS}/posture`)
            .set('Authorization', auth())
        ).body.error.message.replace(ORDERS, '123456789012'),
      );

      const summary = await request(server)
        .get('/api/aws-accounts/organization/summary')
        .set('Authorization', auth());
      expect(summary.body).toMatchObject({
        accounts: 1,
        averageScore: 80,
        unreadable: [],
      });
    });

    it('refuses a refresh without the refresh permission and rate limits it with it', async () => {
      const denied = await start(
        permissionsAllowing([refOf(PAYMENTS)], false).factory,
      );
      const forbidden = await request(denied.server)
        .post(`/api/aws-accounts/accounts/${PAYMENTS}/refresh`)
        .set('Authorization', auth());
      expect(forbidden.status).toBe(403);
      const hidden = await request(denied.server)
        .post(`/api/aws-accounts/accounts/${ORDERS}/refresh`)
        .set('Authorization', auth());
      expect(hidden.status).toBe(404);

      process.env.AWS_ACCESS_KEY_ID = 'test';
      process.env.AWS_SECRET_ACCESS_KEY = 'test';
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
      try {
        const allowed = await start(
          permissionsAllowing([refOf(PAYMENTS)], true).factory,
        );
        const first = await request(allowed.server)
          .post(`/api/aws-accounts/accounts/${PAYMENTS}/refresh`)
          .set('Authorization', auth());
        expect(first.status).toBe(200);
        // AWS could not be reached: the new snapshot says why, with no numbers.
        const posture = await request(allowed.server)
          .get(`/api/aws-accounts/accounts/${PAYMENTS}/posture`)
          .set('Authorization', auth());
        expect(posture.body.stale.reason).toMatch(/BackstagePostureReadRole/);
        expect(posture.body.score).toBe(80);

        const second = await request(allowed.server)
          .post(`/api/aws-accounts/accounts/${PAYMENTS}/refresh`)
          .set('Authorization', auth());
        expect(second.status).toBe(429);
        expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        delete process.env.AWS_ACCESS_KEY_ID;
        delete process.env.AWS_SECRET_ACCESS_KEY;
        delete process.env.AWS_ENDPOINT_URL;
      }
    });
  });

  describe('with a policy that denies', () => {
    it('lists nothing and hides every account', async () => {
      const { server } = await start(
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      );
      const list = await request(server)
        .get('/api/aws-accounts/accounts')
        .set('Authorization', auth());
      expect(list.body).toEqual([]);
      const posture = await request(server)
        .get(`/api/aws-accounts/accounts/${PAYMENTS}/posture`)
        .set('Authorization', auth());
      expect(posture.status).toBe(404);
    });
  });

  it('requires a valid token, except for /health', async () => {
    const { server } = await start(
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    );
    const response = await request(server)
      .get('/api/aws-accounts/accounts')
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(response.status).toBe(401);
    const health = await request(server).get('/api/aws-accounts/health');
    expect(health.status).toBe(200);
  });
});
