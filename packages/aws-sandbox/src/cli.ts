import { parseArgs } from 'node:util';
import { DEFAULT_SANDBOX_PORT, startSandbox } from './startSandbox';

const USAGE = `Usage: aws-sandbox [options]
  --port <n>                   port to listen on (default ${DEFAULT_SANDBOX_PORT}, 0 = any free port)
  --host <address>             interface to listen on (default 127.0.0.1)
  --accounts <n>               accounts in the organization (default: the 11 of the SRA seed)
  --findings-per-account <n>   findings per account in Security Hub, Inspector and GuardDuty (default 40)
  --provisioning-delay-ms <n>  how long Account Factory records and stacks take (default 3000)
  --quota-scale <x>            multiply every quota rate (default 1, 0 turns throttling off)
  --help                       show this help`;

function fail(message: string, showUsage = true): never {
  process.stderr.write(
    `aws-sandbox: ${message}\n${showUsage ? `${USAGE}\n` : ''}`,
  );
  process.exit(1);
}

function numberOption(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    fail(`--${name} must be a number of zero or more, got "${value}"`);
  }
  return number;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        accounts: { type: 'string' },
        'findings-per-account': { type: 'string' },
        'provisioning-delay-ms': { type: 'string' },
        'quota-scale': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const port = numberOption('port', values.port) ?? DEFAULT_SANDBOX_PORT;
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      host: values.host,
      seed: {
        accounts: numberOption('accounts', values.accounts),
        findingsPerAccount: numberOption(
          'findings-per-account',
          values['findings-per-account'],
        ),
      },
      provisioningDelayMs: numberOption(
        'provisioning-delay-ms',
        values['provisioning-delay-ms'],
      ),
      quotaScale: numberOption('quota-scale', values['quota-scale']),
      logger: {
        error: (message, meta) =>
          process.stderr.write(
            `aws-sandbox: ${message} ${JSON.stringify(meta ?? {})}\n`,
          ),
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(
        `port ${port} is already in use; stop the process using it or pass --port <another port> (0 picks a free one)`,
        false,
      );
    }
    fail((error as Error).message, false);
  }

  const shutdown = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const { seed } = sandbox;
  process.stdout.write(
    `aws-sandbox listening on ${sandbox.endpoint} (organization ${seed.organizationId}, ${seed.accounts.length} accounts, ${seed.findingsPerAccount} findings per account; set AWS_ENDPOINT_URL=${sandbox.endpoint})\n`,
  );
}

main().catch(error => fail(String(error?.stack ?? error)));
