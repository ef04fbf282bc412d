import {
  startSandbox,
  installLoopbackResolver,
} from '@sra-backstage/aws-sandbox';
import knexFactory, { Knex } from 'knex';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { measureBundleShare } from './bundleShare';
import { copyPostureData } from './copyFindings';
import { describeMachine } from './machine';
import { Latency, measureLatency } from './measureLatency';
import { measureFrontend, portalIsRunning } from './measureFrontend';
import { runNaiveCollector } from './naiveCollector';
import { quotaFloorSeconds } from './quotaFloor';
import { startPostureBackend } from './startPostureBackend';
import { measureVendingToCatalog } from './vendingToCatalog';

/**
 * `yarn bench`: every figure of BENCHMARKS.md from one run on the sandbox.
 * Sizes come from the environment (defaults are the issue's figures):
 * BENCH_ACCOUNTS, BENCH_FINDINGS (per account and source: Security Hub,
 * Inspector and GuardDuty each, so 333 is 1,000 findings an account),
 * BENCH_QUOTA_SCALE,
 * BENCH_REQUESTS (per latency figure), BENCH_APP_URL (the running portal).
 */
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 333);
const QUOTA_SCALE = Number(process.env.BENCH_QUOTA_SCALE ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = 16;
const APP_URL = process.env.BENCH_APP_URL ?? 'http://localhost:3000';
const POSTGRES = 'postgresql://postgres@127.0.0.1:5432';
/** The repository root: the nearest folder up from here with backstage.json. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'backstage.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No backstage.json above ${start}; run yarn bench in the repository`,
      );
    }
    dir = parent;
  }
  return dir;
}
const REPO_ROOT = findRepoRoot(process.cwd());

jest.setTimeout(3 * 60 * 60 * 1000);

type Row = [string, string, string, string];
const rows: Row[] = [];
const notes: string[] = [];
const say = (line: string) => process.stdout.write(`${line}\n`);
const add = (item: string, measure: string, value: string, target = '') => {
  rows.push([item, measure, value, target]);
  say(`${item} | ${measure} | ${value} | ${target}`);
};
const ms = (value: number) => `${Math.round(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const sum = (calls: Record<string, number>) =>
  Object.values(calls).reduce((a, b) => a + b, 0);

/** A database of its own on the machine's PostgreSQL, dropped at the end. */
async function createPostgresDatabase(): Promise<{
  knex: Knex;
  drop(): Promise<void>;
}> {
  const name = `sra_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  await admin.raw('create database ??', [name]);
  await admin.destroy();
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES}/${name}`,
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    async drop() {
      await knex.destroy();
      const cleanup = knexFactory({ client: 'pg', connection: POSTGRES });
      await cleanup.raw('drop database if exists ?? with (force)', [name]);
      await cleanup.destroy();
    },
  };
}

function latencyRows(database: string, figures: Record<string, Latency>) {
  for (const [name, latency] of Object.entries(figures)) {
    add(
      `3. API ${name}`,
      `${database}, ${latency.requests} requests, ${latency.concurrency} in flight`,
      `p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`,
      database.startsWith('PostgreSQL') && name.startsWith('findings')
        ? 'p99 ≤ 50 ms at 1,000,000 findings'
        : '',
    );
  }
}

async function apiLatency(baseUrl: string, accountId: string) {
  const page = `${baseUrl}/accounts/${accountId}/findings?limit=50&status=ACTIVE&severity=CRITICAL,HIGH,MEDIUM&sort=lastObservedAt&order=desc`;
  return {
    'organization summary': await measureLatency(
      `${baseUrl}/organization/summary`,
      { requests: REQUESTS, concurrency: CONCURRENCY },
    ),
    'findings page (50, filtered, sorted)': await measureLatency(page, {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
    }),
  };
}

function writeReport(started: Date) {
  const table = [
    '| item | measure | result | target |',
    '|---|---|---|---|',
    ...rows.map(row => `| ${row.join(' | ')} |`),
  ].join('\n');
  const report = `# Benchmarks

Run with \`yarn bench\` (see packages/benchmarks/README.md) on ${started.toISOString()}.

Machine: ${describeMachine()}.

Scale: ${ACCOUNTS} accounts, ${FINDINGS} findings per account in each of Security Hub, Inspector and GuardDuty (plus Security Hub control findings), sandbox quota rates × ${QUOTA_SCALE} (the quota floor uses the same factor).

${table}

## Notes

${notes.map(note => `- ${note}`).join('\n')}
`;
  writeFileSync(join(REPO_ROOT, 'BENCHMARKS.md'), report);
  say(`\n${table}\n\nWritten to ${join(REPO_ROOT, 'BENCHMARKS.md')}`);
}

/**
 * `BENCH_ONLY=frontend` or `BENCH_ONLY=vending` measures that item alone
 * (e.g. against a portal started after a full run) and replaces its row of
 * BENCHMARKS.md.
 */
const ONLY = process.env.BENCH_ONLY;

/** Replaces the row of an item in BENCHMARKS.md. */
function replaceRow(prefix: string, row: string) {
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  const updated = readFileSync(file, 'utf8')
    .split('\n')
    .map(line => (line.startsWith(prefix) ? row : line))
    .join('\n');
  writeFileSync(file, updated);
  return updated;
}

/** Item 4 alone, on an organization of BENCH_ACCOUNTS accounts. */
async function measureVendingOnly() {
  installLoopbackResolver();
  const sandbox = await startSandbox({
    port: 0,
    quotaScale: QUOTA_SCALE,
    provisioningDelayMs: 1000,
    seed: { accounts: ACCOUNTS, findingsPerAccount: 0 },
  });
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint.replace(
    '127.0.0.1',
    'localhost',
  );
  process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOXBENCHMARK';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = sandbox.seed.homeRegion;
  try {
    const vending = await measureVendingToCatalog(sandbox);
    const row = `| 4. Vending | ${
      sandbox.seed.accounts.length
    } accounts, account ${vending.accountId}: provision ${seconds(
      vending.provisionMs,
    )} (measured ${new Date().toISOString()} with \`BENCH_ONLY=vending\`) | SUCCEEDED to entity ${seconds(
      vending.succeededToEntityMs,
    )} | ≤ 10 s |`;
    say(row);
    expect(replaceRow('| 4. Vending |', row)).toContain(row);
  } finally {
    await sandbox.stop();
  }
}

/** Every item, written to BENCHMARKS.md. */
async function runEveryBenchmark() {
  const started = new Date();
  say(`Machine: ${describeMachine()}`);
  say(
    `Scale: ${ACCOUNTS} accounts x ${FINDINGS} findings, quota rates x ${QUOTA_SCALE}`,
  );

  installLoopbackResolver();
  const sandbox = await startSandbox({
    port: 0,
    quotaScale: QUOTA_SCALE,
    provisioningDelayMs: 1000,
    seed: { accounts: ACCOUNTS, findingsPerAccount: FINDINGS },
  });
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint.replace(
    '127.0.0.1',
    'localhost',
  );
  process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOXBENCHMARK';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = sandbox.seed.homeRegion;
  const regions = sandbox.seed.regions.length;
  const accountCount = sandbox.seed.accounts.length;

  const postgresDatabase = await createPostgresDatabase();
  const postgres = postgresDatabase.knex;
  const backend = await startPostureBackend({
    sandbox,
    knex: postgres,
    concurrency: 8,
  });

  // 1. Full collection.
  sandbox.control.resetCallCounts();
  let clock = Date.now();
  await backend.collect();
  const fullMs = Date.now() - clock;
  const fullCalls = sandbox.control.callCounts();
  const floor = quotaFloorSeconds(fullCalls, {
    accounts: accountCount,
    regions,
    quotaScale: QUOTA_SCALE,
  });
  const stored = Number(
    (await postgres('aws_accounts_findings').count({ count: '*' }))[0].count,
  );
  add(
    '1. Full collection',
    `${accountCount} accounts, ${stored} findings stored`,
    `${seconds(fullMs)}, ${sum(fullCalls)} AWS calls`,
  );
  add(
    '1. Quota floor',
    `slowest bucket: ${floor.bottleneck}`,
    `${floor.seconds.toFixed(1)} s; ratio ${(
      fullMs /
      1000 /
      Math.max(floor.seconds, 0.001)
    ).toFixed(2)}`,
    '≤ 1.2×',
  );
  const topCalls = Object.entries(fullCalls)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
  add('1. Calls per operation (top 8)', 'full run', topCalls);

  // 2. Incremental collection.
  sandbox.control.resetCallCounts();
  clock = Date.now();
  await backend.collect();
  const incrementalMs = Date.now() - clock;
  const incrementalByOperation = sandbox.control.callCounts();
  const incrementalCalls = sum(incrementalByOperation);
  add(
    '2. Incremental collection',
    'second run, 0% of findings changed',
    `${seconds(incrementalMs)}, ${incrementalCalls} AWS calls = ${(
      (100 * incrementalCalls) /
      sum(fullCalls)
    ).toFixed(1)}% of full`,
    '≤ 5% of full calls',
  );
  add(
    '2. Calls per operation (top 8)',
    'incremental run',
    Object.entries(incrementalByOperation)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([operation, count]) => `${operation} ${count}`)
      .join(', '),
  );
  notes.push(
    "The sandbox has no control that changes existing findings, so the incremental run measures the floor of an incremental run (0% changed), not 1% changed; the extra cost of 1% changed is about 1% of the full run's finding pages.",
  );

  // 1. Naive collector, same sandbox, same quotas.
  sandbox.control.resetCallCounts();
  const naive = await runNaiveCollector({
    accountIds: sandbox.seed.accounts.map(account => account.id),
    regions: sandbox.seed.regions,
    securityToolingAccountId: sandbox.seed.delegatedAdminAccountId,
    roleName: 'BackstageSecurityToolingReadRole',
  });
  add(
    '1. Naive collector',
    `every finding of every account, ${naive.findings} read`,
    `${seconds(naive.durationMs)}, ${
      naive.calls
    } AWS calls; product/naive time ${(fullMs / naive.durationMs).toFixed(
      2,
    )}, incremental/naive calls ${(incrementalCalls / naive.calls).toFixed(3)}`,
  );

  // 3. API latency on PostgreSQL, then on SQLite with 100,000 findings.
  const busiest = '500000000003';
  latencyRows(
    `PostgreSQL, ${stored} findings`,
    await apiLatency(backend.baseUrl, busiest),
  );
  await backend.stop();

  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: {
      filename: join(mkdtempSync(join(tmpdir(), 'bench-')), 'posture.sqlite'),
    },
    useNullAsDefault: true,
  });
  const sqliteBackend = await startPostureBackend({
    sandbox,
    knex: sqlite,
    concurrency: 8,
  });
  const copied = await copyPostureData(postgres, sqlite, 100_000);
  latencyRows(
    `SQLite, ${copied} findings`,
    await apiLatency(sqliteBackend.baseUrl, busiest),
  );
  await sqliteBackend.stop();
  await sqlite.destroy();
  await postgresDatabase.drop();

  // 4. Vending: SUCCEEDED to entity.
  try {
    const vending = await measureVendingToCatalog(sandbox);
    add(
      '4. Vending',
      `account ${vending.accountId}: provision ${seconds(vending.provisionMs)}`,
      `SUCCEEDED to entity ${seconds(vending.succeededToEntityMs)}`,
      '≤ 10 s',
    );
  } catch (error) {
    add(
      '4. Vending',
      'aws:account:create, then the entity provider',
      `failed: ${String(error)}`,
      '≤ 10 s',
    );
  }
  await sandbox.stop();

  // 5. Frontend.
  if (await portalIsRunning(APP_URL)) {
    try {
      const frontend = await measureFrontend(APP_URL, 3);
      add(
        '5. Frontend',
        `Chromium, ${APP_URL}, payments-dev, median of 3`,
        `posture card ${ms(frontend.postureCardMs)}, findings table ${ms(
          frontend.findingsTableMs,
        )}`,
      );
    } catch (error) {
      add(
        '5. Frontend',
        `Chromium, ${APP_URL}`,
        `failed: ${String(error).split('\n')[0]}`,
      );
    }
  } else {
    add(
      '5. Frontend',
      `portal not running at ${APP_URL}`,
      'skipped: start it with `yarn start` and run `yarn bench` again',
    );
  }
  const bundle = measureBundleShare(join(REPO_ROOT, 'packages/app/dist'));
  if (bundle) {
    const percent = (bytes: number) =>
      ((100 * bytes) / bundle.totalBytes).toFixed(2);
    add(
      '5. Bundle share',
      `packages/app/dist, ${(bundle.totalBytes / 1024 / 1024).toFixed(
        2,
      )} MiB of JavaScript`,
      `plugin ${(bundle.pluginBytes / 1024).toFixed(0)} KiB (${percent(
        bundle.pluginBytes,
      )}%), common ${(bundle.commonBytes / 1024).toFixed(0)} KiB (${percent(
        bundle.commonBytes,
      )}%)`,
    );
  } else {
    add(
      '5. Bundle share',
      'no production build',
      'skipped: run `yarn workspace app build` once, then `yarn bench`',
    );
  }

  writeReport(started);
  expect(rows.length).toBeGreaterThanOrEqual(10);
}

/** Item 5 alone, against a running portal. */
async function measureFrontendOnly() {
  if (!(await portalIsRunning(APP_URL))) {
    throw new Error(
      `No portal at ${APP_URL}; start it with \`yarn start\` first`,
    );
  }
  const frontend = await measureFrontend(APP_URL, 3);
  const row = `| 5. Frontend | Chromium, ${APP_URL}, payments-dev, median of 3 (measured ${new Date().toISOString()}, after the run above, portal started with \`yarn start\`) | posture card ${ms(
    frontend.postureCardMs,
  )}, findings table ${ms(frontend.findingsTableMs)} |  |`;
  say(row);
  const updated = replaceRow('| 5. Frontend |', row);
  expect(updated).toContain(row);
}

if (ONLY === 'vending') {
  it('measures vending alone and updates BENCHMARKS.md', measureVendingOnly);
} else if (ONLY === 'frontend') {
  it(
    'measures the frontend alone and updates BENCHMARKS.md',
    measureFrontendOnly,
  );
} else {
  it('runs every benchmark and writes BENCHMARKS.md', runEveryBenchmark);
}
