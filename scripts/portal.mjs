#!/usr/bin/env node
// `node scripts/portal.mjs start|test`: what `yarn start` and `yarn test` run.
// ./portal wraps this with the toolchain (Node 24, Yarn, install).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopAllProcesses } from './portal/processes.mjs';
import { PortalStartError, startPortal } from './portal/start.mjs';
import { runTests, TEST_STAGES } from './portal/test.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...rest] = process.argv.slice(2);

async function start() {
  let stopping = false;
  const stopAndExit = async code => {
    stopping = true;
    await stopAllProcesses();
    process.exit(code);
  };
  process.on('SIGINT', () => stopAndExit(0));
  process.on('SIGTERM', () => stopAndExit(0));

  const started = Date.now();
  const portal = await startPortal({ root });
  const readyIn = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nportal: ready in ${readyIn}s at http://localhost:3000 (sign in as guest); backend at http://localhost:7007; AWS sandbox at http://localhost:4566. Ctrl-C stops everything.\n`,
  );
  const ended = await portal.exited;
  if (stopping) return;
  console.error(
    `portal: ${ended.name} stopped (exit ${
      ended.code ?? ended.signal
    }); stopping the rest`,
  );
  await stopAndExit(1);
}

async function main() {
  switch (command) {
    case 'start':
      await start();
      break;
    case 'test': {
      const unknown = rest.filter(stage => !TEST_STAGES.includes(stage));
      if (unknown.length > 0) {
        console.error(
          `portal: unknown test stage ${unknown.join(
            ', ',
          )}; the stages are ${TEST_STAGES.join(
            ', ',
          )} (separated by spaces), or none for all`,
        );
        process.exit(2);
      }
      const only = rest.length ? rest : undefined;
      process.exit(await runTests({ root, only }));
      break;
    }
    default:
      console.error(
        'usage: node scripts/portal.mjs start | test [static] [jest] [e2e]',
      );
      process.exit(2);
  }
}

main().catch(error => {
  const expected = error instanceof PortalStartError || !error.stack;
  console.error(`portal: ${expected ? error.message : error.stack}`);
  process.exit(1);
});
