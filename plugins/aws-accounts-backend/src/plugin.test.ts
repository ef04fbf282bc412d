import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import createKnex, { Knex } from 'knex';
import { awsAccountsPlugin } from './plugin';

jest.setTimeout(90_000);

const ACCOUNT_ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'aws-account-500000000001',
    namespace: 'default',
    title: 'payments-prod',
    annotations: { 'amazonaws.com/account-id': '500000000001' },
  },
  spec: { type: 'aws-account', owner: 'group:default/team-payments' },
};

const FREQUENCY_SECONDS = 2;

async function startInstance(knex: Knex) {
  return startTestBackend({
    features: [
      awsAccountsPlugin,
      schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [ACCOUNT_ENTITY] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          awsAccounts: {
            region: 'us-east-1',
            regions: ['us-east-1'],
            maxAttempts: 1,
            posture: {
              mode: 'perAccount',
              schedule: {
                frequency: { seconds: FREQUENCY_SECONDS },
                timeout: { seconds: 30 },
                initialDelay: { seconds: 0 },
              },
            },
          },
        },
      }),
    ],
  });
}

// The PostgreSQL the test runner found, whatever its major version; without
// one (PORTAL_TEST_SKIP_POSTGRES=1) these tests cannot run.
const databases = TestDatabases.create();
const postgresId = databases
  .eachSupportedId()
  .map(([id]) => id)
  .find(id => id.startsWith('POSTGRES'));

(postgresId ? describe : describe.skip)('scheduled collection', () => {
  const env = { ...process.env };

  beforeAll(() => {
    // AWS is unreachable on purpose: each run fails fast and still writes a snapshot.
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
  });

  afterAll(() => {
    process.env = env;
  });

  it('runs once per tick across two instances on one PostgreSQL', async () => {
    const first = await databases.init(postgresId!);
    const second = createKnex(first.client.config);
    const backends = [await startInstance(first), await startInstance(second)];

    const observeMs = 5 * FREQUENCY_SECONDS * 1000;
    await new Promise(resolve => setTimeout(resolve, observeMs));
    await Promise.all(backends.map(backend => backend.stop()));

    const runs: string[] = await first('aws_accounts_snapshots')
      .orderBy('collected_at')
      .pluck('collected_at');
    await second.destroy();

    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(
      observeMs / (FREQUENCY_SECONDS * 1000) + 1,
    );
    const gaps = runs
      .slice(1)
      .map((at, i) => new Date(at).getTime() - new Date(runs[i]).getTime());
    for (const gap of gaps) {
      // Two instances running the same tick would write within milliseconds.
      expect(gap).toBeGreaterThan(FREQUENCY_SECONDS * 1000 * 0.5);
    }
  });
});
