// Runs every test of the project and ends with one line: `N passed, N failed`.
// Stages: Backstage version alignment, prettier, lint, type check, jest (unit
// and database tests on SQLite and PostgreSQL), Playwright end-to-end tests in
// Debian's Chromium against the running portal.
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from './processes.mjs';
import { startPortal } from './start.mjs';

export const TEST_STAGES = ['static', 'jest', 'e2e'];

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export async function runTests({ root, only }) {
  const results = [];
  const scratch = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const run = async (name, command, args, env) => {
    console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
    const started = Date.now();
    const proc = startProcess(name, command, args, { cwd: root, env });
    const { code } = await proc.exited;
    console.log(
      `== ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds(
        started,
      )}`,
    );
    return code === 0;
  };
  const wanted = stage => !only || only.includes(stage);

  if (wanted('static')) {
    for (const [name, command, args] of [
      ['versions', 'node', ['scripts/check-backstage-versions.mjs']],
      ['prettier', 'yarn', ['prettier', '--check', '.']],
      ['lint', 'yarn', ['backstage-cli', 'repo', 'lint']],
      ['tsc', 'yarn', ['tsc']],
    ]) {
      results.push({
        stage: name,
        passed: (await run(name, command, args)) ? 1 : 0,
        failed: 0,
      });
      if (results.at(-1).passed === 0) results.at(-1).failed = 1;
    }
  }

  let databaseEnv;
  if (wanted('jest')) {
    try {
      databaseEnv = await postgresEnv();
    } catch (error) {
      console.error(`\nportal: ${error.message}`);
    }
  }
  if (wanted('jest') && databaseEnv === undefined) {
    results.push({
      stage: 'jest',
      passed: 0,
      failed: 1,
      note: 'no PostgreSQL',
    });
  } else if (wanted('jest')) {
    const report = join(scratch, 'jest.json');
    const ok = await run(
      'jest',
      'yarn',
      [
        'backstage-cli',
        'repo',
        'test',
        '--ci',
        '--json',
        `--outputFile=${report}`,
      ],
      { CI: 'true', BACKSTAGE_TEST_DISABLE_DOCKER: '1', ...databaseEnv },
    );
    results.push(countJest(report, ok));
  }

  if (wanted('e2e')) {
    results.push(...(await runEndToEnd({ root, scratch, run })));
  }

  console.log('\n== summary');
  for (const r of results) {
    console.log(
      `${r.stage.padEnd(10)} ${r.passed} passed, ${r.failed} failed${
        r.note ? ` (${r.note})` : ''
      }`,
    );
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed === 0) {
    rmSync(scratch, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

async function postgresEnv() {
  if (process.env.PORTAL_TEST_SKIP_POSTGRES === '1') {
    console.log(
      'portal: PORTAL_TEST_SKIP_POSTGRES=1, database tests run on SQLite only',
    );
    return {};
  }
  const url =
    process.env.PORTAL_TEST_POSTGRES_URL ??
    'postgresql://postgres@127.0.0.1:5432';
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version_num');
    const major = Math.floor(Number(rows[0].server_version_num) / 10_000);
    console.log(
      `portal: database tests run on SQLite and on PostgreSQL ${major} at ${url.replace(
        /:[^:@/]*@/,
        ':***@',
      )}`,
    );
    return {
      [`BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING`]: url,
    };
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${error.message}). Start it, point PORTAL_TEST_POSTGRES_URL at one, or set PORTAL_TEST_SKIP_POSTGRES=1 to test on SQLite only.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function countJest(reportPath, ok) {
  if (!existsSync(reportPath)) {
    return {
      stage: 'jest',
      passed: 0,
      failed: 1,
      note: 'jest wrote no report',
    };
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  // A suite that fails to load has no test results; count it as a failure.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  const failed = report.numFailedTests + brokenSuites;
  return {
    stage: 'jest',
    passed: report.numPassedTests,
    failed: failed === 0 && !ok ? 1 : failed,
    note: report.numPendingTests
      ? `${report.numPendingTests} skipped`
      : undefined,
  };
}

async function runEndToEnd({ root, scratch, run }) {
  const chromium =
    process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find(existsSync);
  if (!chromium) {
    console.error(
      '\nportal: Chromium is not installed. On Debian or Ubuntu run: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary).',
    );
    return [{ stage: 'e2e', passed: 0, failed: 1, note: 'no Chromium' }];
  }

  let portal;
  const portalLog = join(scratch, 'portal.log');
  const logFd = openSync(portalLog, 'w');
  try {
    console.log(`\n== e2e: starting the portal (output in ${portalLog})`);
    // A fresh database, so that the collection schedule and the catalog
    // start from nothing, as on a new machine.
    const started = Date.now();
    portal = await startPortal({
      root,
      stdio: ['ignore', logFd, logFd],
      env: { PORTAL_DATA_DIR: join(scratch, 'data') },
    });
    console.log(`== e2e: the portal was ready in ${seconds(started)}`);
  } catch (error) {
    console.error(`portal: ${error.message}`);
    console.error(tail(portalLog, 40));
    return [
      { stage: 'e2e', passed: 0, failed: 1, note: 'the portal did not start' },
    ];
  }
  try {
    const report = join(scratch, 'playwright.json');
    const ok = await run('e2e', 'yarn', ['playwright', 'test'], {
      CI: 'true',
      CHROMIUM_PATH: chromium,
      PORTAL_E2E_EXTERNAL: '1',
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    return [startupCheck(portalLog), countPlaywright(report, ok)];
  } finally {
    await portal.stop();
    closeSync(logFd);
  }
}

// The backend must start with no plugin error or warning, such as a missing
// service or a module that failed to initialize. What it logs once every
// plugin is up (a denied account during collection, say) is the product
// working, not a start-up problem.
function startupCheck(portalLog) {
  const lines = readFileSync(portalLog, 'utf8')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n');
  const ready = lines.findIndex(line =>
    line.includes('Plugin initialization complete'),
  );
  const startup = ready === -1 ? lines : lines.slice(0, ready + 1);
  const problems = startup.filter(line => /^\S+Z \S+ (warn|error) /.test(line));
  if (ready === -1) {
    problems.push('the backend never logged "Plugin initialization complete"');
  }
  if (problems.length > 0) {
    console.error('portal: the backend logged at start-up:');
    console.error(problems.join('\n'));
  }
  return {
    stage: 'startup',
    passed: problems.length === 0 ? 1 : 0,
    failed: problems.length === 0 ? 0 : 1,
    note: problems.length ? `${problems.length} warnings or errors` : undefined,
  };
}

function tail(path, lines) {
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

function countPlaywright(reportPath, ok) {
  if (!existsSync(reportPath)) {
    return {
      stage: 'e2e',
      passed: 0,
      failed: 1,
      note: 'playwright wrote no report',
    };
  }
  const { stats } = JSON.parse(readFileSync(reportPath, 'utf8'));
  const failed = stats.unexpected + (stats.flaky ?? 0);
  return {
    stage: 'e2e',
    passed: stats.expected,
    failed: failed === 0 && !ok ? 1 : failed,
    note: stats.skipped ? `${stats.skipped} skipped` : undefined,
  };
}

function seconds(started) {
  return `${Math.round((Date.now() - started) / 1000)}s`;
}
