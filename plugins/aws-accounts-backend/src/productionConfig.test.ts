import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import createKnex from 'knex';
import request from 'supertest';
import { awsAccountsPlugin } from './plugin';

jest.setTimeout(120_000);

/**
 * The backend as app-config.production.yaml runs it: PostgreSQL through the
 * database service and Redis as the cache store (both on this machine).
 * Set AWS_ACCOUNTS_PRODUCTION_TEST=0 where they are not running.
 */
const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const REDIS = 'redis://127.0.0.1:6379';
const enabled = process.env.AWS_ACCOUNTS_PRODUCTION_TEST !== '0';

const suffix = `${Date.now() % 1_000_000}`.padStart(6, '0');
const ACCOUNT_ID = `59999${suffix}0`.slice(0, 12);
const PREFIX = `awsab_prod_${suffix}_`;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `aws-account-${ACCOUNT_ID}`,
    namespace: 'default',
    title: 'production-config-test',
    annotations: { 'amazonaws.com/account-id': ACCOUNT_ID },
  },
  spec: { type: 'aws-account', owner: 'group:default/team-platform' },
};

function startReplica() {
  return startTestBackend({
    features: [
      awsAccountsPlugin,
      databaseServiceFactory,
      cacheServiceFactory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            database: { client: 'pg', connection: POSTGRES, prefix: PREFIX },
            cache: { store: 'redis', connection: REDIS },
          },
          awsAccounts: {
            region: 'us-east-1',
            regions: ['us-east-1'],
            maxAttempts: 1,
            posture: {
              mode: 'perAccount',
              refreshIntervalSeconds: 60,
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 5 },
                initialDelay: { seconds: 0 },
              },
            },
          },
        },
      }),
    ],
  });
}

(enabled ? describe : describe.skip)('production configuration', () => {
  const env = { ...process.env };

  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
  });

  afterAll(async () => {
    process.env = env;
    const admin = createKnex({
      client: 'pg',
      connection: { ...POSTGRES, database: 'postgres' },
    });
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${PREFIX}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('drop database if exists ?? with (force)', [datname]);
    }
    await admin.destroy();
  });

  it('runs two replicas on PostgreSQL with the refresh rate limit shared through Redis', async () => {
    const first = await startReplica();
    const second = await startReplica();
    const auth = mockCredentials.user.header();
    try {
      // The scheduled run (on one replica) reads the account from the catalog.
      let listed: Array<{ accountId: string }> = [];
      for (let i = 0; i < 60 && listed.length === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 500));
        listed = (
          await request(second.server)
            .get('/api/aws-accounts/accounts')
            .set('Authorization', auth)
        ).body;
      }
      expect(listed.map(account => account.accountId)).toEqual([ACCOUNT_ID]);

      const refreshed = await request(first.server)
        .post(`/api/aws-accounts/accounts/${ACCOUNT_ID}/refresh`)
        .set('Authorization', auth);
      expect(refreshed.status).toBe(200);

      const limited = await request(second.server)
        .post(`/api/aws-accounts/accounts/${ACCOUNT_ID}/refresh`)
        .set('Authorization', auth);
      expect(limited.status).toBe(429);

      const posture = await request(second.server)
        .get(`/api/aws-accounts/accounts/${ACCOUNT_ID}/posture`)
        .set('Authorization', auth);
      expect(posture.status).toBe(200);
      expect(posture.body.findings.securityhub).toBeNull();
      expect(posture.body.stale.reason).toMatch(/BackstagePostureReadRole/);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
