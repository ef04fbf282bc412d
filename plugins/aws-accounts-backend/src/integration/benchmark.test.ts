import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { startSandbox } from '@sra-backstage/aws-sandbox';
import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { awsAccountsPlugin } from '../plugin';
import {
  collectorForSandbox,
  useSandboxEndpoint,
} from '../__testUtils__/sandboxHarness';

/**
 * The cost benchmark of the closing note: a full and an incremental
 * collection of a large sandbox organization, then API latency. It takes
 * minutes, so it runs only when asked:
 *
 *   AWS_ACCOUNTS_BENCHMARK=1 BENCHMARK_ACCOUNTS=1000 BENCHMARK_FINDINGS=1000 \
 *   BENCHMARK_QUOTA_SCALE=20 yarn backstage-cli package test src/integration/benchmark.test.ts
 */
const enabled = process.env.AWS_ACCOUNTS_BENCHMARK === '1';
const ACCOUNTS = Number(process.env.BENCHMARK_ACCOUNTS ?? 1000);
const FINDINGS = Number(process.env.BENCHMARK_FINDINGS ?? 1000);
const QUOTA_SCALE = Number(process.env.BENCHMARK_QUOTA_SCALE ?? 20);
const SAMPLES = 7;

jest.setTimeout(4 * 60 * 60 * 1000);

/** Progress on stderr: the start and end lines of each run, with costs. */
function progressLogger(): LoggerService {
  const logger: LoggerService = {
    info: (message, meta) =>
      process.stderr.write(
        `${new Date().toISOString()} ${message} ${JSON.stringify(
          meta ?? {},
        )}\n`,
      ),
    warn: () => {},
    error: (message, meta) =>
      process.stderr.write(`ERROR ${message} ${JSON.stringify(meta ?? {})}\n`),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Math.round(median(samples) * 10) / 10;
}

(enabled ? describe : describe.skip)('benchmark', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it(`collects ${ACCOUNTS} accounts x ${FINDINGS} findings and serves them`, async () => {
    const sandbox = await startSandbox({
      port: 0,
      quotaScale: QUOTA_SCALE,
      seed: { accounts: ACCOUNTS, findingsPerAccount: FINDINGS },
    });
    const restore = useSandboxEndpoint(sandbox);
    try {
      const { collector, knex, accounts } = await collectorForSandbox(
        sandbox,
        databases,
        {
          mode: 'delegatedAdmin',
          databaseId: 'POSTGRES_15',
          concurrency: 8,
          logger: progressLogger(),
        },
      );

      const full = await collector.collectAll();
      if (process.env.BENCHMARK_REPORT) {
        writeFileSync(
          `${process.env.BENCHMARK_REPORT}.full`,
          JSON.stringify(full, null, 2),
        );
      }
      const fullSandboxCalls = sandbox.control.callCounts();
      sandbox.control.resetCallCounts();
      const incremental = await collector.collectAll();
      const incrementalSandboxCalls = sandbox.control.callCounts();

      const { server } = await startTestBackend({
        features: [
          awsAccountsPlugin,
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          catalogServiceMock.factory({ entities: [] }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.rootConfig.factory({
            data: {
              awsAccounts: {
                region: 'us-east-1',
                posture: { mode: 'perAccount' },
              },
            },
          }),
        ],
      });
      const auth = mockCredentials.user.header();
      const busiest = '500000000003';
      const firstPage = await request(server)
        .get(`/api/aws-accounts/accounts/${busiest}/findings?limit=100`)
        .set('Authorization', auth);
      expect(firstPage.status).toBe(200);

      const latency = {
        organizationSummaryMs: await timed(() =>
          request(server)
            .get('/api/aws-accounts/organization/summary')
            .set('Authorization', auth)
            .expect(200),
        ),
        accountsListMs: await timed(() =>
          request(server)
            .get('/api/aws-accounts/accounts?sort=findings')
            .set('Authorization', auth)
            .expect(200),
        ),
        findingsFirstPageMs: await timed(() =>
          request(server)
            .get(`/api/aws-accounts/accounts/${busiest}/findings?limit=100`)
            .set('Authorization', auth)
            .expect(200),
        ),
        findingsNextPageMs: await timed(() =>
          request(server)
            .get(
              `/api/aws-accounts/accounts/${busiest}/findings?limit=100&cursor=${firstPage.body.nextCursor}`,
            )
            .set('Authorization', auth)
            .expect(200),
        ),
        findingsSearchMs: await timed(() =>
          request(server)
            .get(
              `/api/aws-accounts/accounts/${busiest}/findings?limit=100&source=inspector&search=cve-2&severity=CRITICAL,HIGH`,
            )
            .set('Authorization', auth)
            .expect(200),
        ),
      };

      const result = {
        seed: {
          accounts: ACCOUNTS,
          findingsPerAccount: FINDINGS,
          quotaScale: QUOTA_SCALE,
          regions: sandbox.seed.regions,
        },
        collectedAccounts: full.accounts,
        catalogAccounts: accounts.length,
        storedFindings: Number(
          (await knex('aws_accounts_findings').count({ count: '*' }))[0].count,
        ),
        full: {
          durationMs: full.durationMs,
          totalCalls: full.totalCalls,
          calls: full.calls,
          syncs: full.syncs,
        },
        incremental: {
          durationMs: incremental.durationMs,
          totalCalls: incremental.totalCalls,
          calls: incremental.calls,
          syncs: incremental.syncs,
        },
        sandboxCalls: {
          full: fullSandboxCalls,
          incremental: incrementalSandboxCalls,
        },
        latency,
        firstPageTotalCount: firstPage.body.totalCount,
      };
      const report = JSON.stringify(result, null, 2);
      if (process.env.BENCHMARK_REPORT) {
        writeFileSync(process.env.BENCHMARK_REPORT, report);
      }
      expect(full.syncs.every(sync => sync.kind === 'full')).toBe(true);
      expect(incremental.syncs.every(sync => sync.kind === 'incremental')).toBe(
        true,
      );
      expect(incremental.totalCalls).toBeLessThan(full.totalCalls);
    } finally {
      restore();
      await sandbox.stop();
    }
  });
});
