import { TestDatabases } from '@backstage/backend-test-utils';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import {
  FINDING_SOURCES,
  PostureSnapshot,
  SEVERITIES,
} from '@sra-backstage/plugin-aws-accounts-common';
import { getAs } from './harness/apiRequest';
import { contradictions, readPostures } from './harness/readPostures';
import { startSparseProxy } from './harness/startSparseProxy';
import {
  startPostureBackend,
  useSandboxEndpoint,
} from './harness/startPostureBackend';

jest.setTimeout(120_000);

describe('AWS findings with every optional field missing', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sandbox: SandboxHandle;
  let restoreEnv: () => void;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    restoreEnv = useSandboxEndpoint(sandbox);
  });

  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.stop();
  });

  it('collects, serves every account and finding, and claims nothing the full data contradicts', async () => {
    const clean = await startPostureBackend({
      sandbox,
      knex: await databases.init('SQLITE_3'),
    });
    await clean.collect();
    const truth: Map<string, PostureSnapshot> = await readPostures(
      clean.server,
    );
    await clean.stop();

    const proxy = await startSparseProxy(sandbox.port);
    process.env.AWS_ENDPOINT_URL = `http://localhost:${proxy.port}`;
    try {
      const sparse = await startPostureBackend({
        sandbox,
        knex: await databases.init('SQLITE_3'),
      });
      await sparse.collect();
      const postures = await readPostures(sparse.server);

      expect(postures.size).toBe(truth.size);
      // A Security Hub finding without `Compliance` is not a control
      // finding, so the stripped control findings rightly count as
      // findings; Security Hub counts are not compared.
      expect(
        contradictions(truth, postures, {
          uncomparedSources: ['securityhub'],
        }),
      ).toEqual([]);

      for (const accountId of ['500000000003', '600000000003']) {
        const page = await getAs(
          sparse.server,
          `/accounts/${accountId}/findings?limit=500&sort=inspectorScore`,
        );
        expect(page.status).toBe(200);
        expect(page.body.totalCount).toBeGreaterThan(0);
        for (const finding of page.body.items.slice(0, 50)) {
          expect(SEVERITIES).toContain(finding.severity);
          expect(FINDING_SOURCES).toContain(finding.source);
          expect(finding.title).toEqual(expect.any(String));
          expect(finding.accountId).toBe(accountId);
          const single = await getAs(
            sparse.server,
            `/accounts/${accountId}/findings/${finding.id}`,
          );
          expect(single.status).toBe(200);
        }
      }
      const summary = await getAs(sparse.server, '/organization/summary');
      expect(summary.status).toBe(200);
      await sparse.stop();
    } finally {
      await proxy.stop();
      process.env.AWS_ENDPOINT_URL = sandbox.endpoint.replace(
        '127.0.0.1',
        'localhost',
      );
    }
  });
});
