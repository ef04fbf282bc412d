import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { AwsAccountsEntityProvider } from './AwsAccountsEntityProvider';

/**
 * 5,000 accounts read in one run within the Organizations quota the sandbox
 * enforces. The quota and the provider's request rate scale together by
 * AWS_ACCOUNTS_QUOTA_SCALE (default 10, so the suite stays near a minute);
 * run with 1 for the real-quota figures. The figures are written to the test
 * output.
 */

const ACCOUNTS = 5_000;
const QUOTA_SCALE = Number(process.env.AWS_ACCOUNTS_QUOTA_SCALE ?? '10');
/** The provider's default rate, below the sandbox's 10 per second. */
const REQUESTS_PER_SECOND = 8 * QUOTA_SCALE;
/** 5,000 tag reads, 258 account pages, 9 unit pages, 2 more. */
const EXPECTED_CALLS = 5_269;
const TIMEOUT_MS = (EXPECTED_CALLS / REQUESTS_PER_SECOND) * 1_500 + 60_000;

const AWS_ENVIRONMENT = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
] as const;

let sandbox: SandboxHandle;
const savedEnvironment: Record<string, string | undefined> = {};

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: { accounts: ACCOUNTS },
    quotaScale: QUOTA_SCALE,
  });
  for (const name of AWS_ENVIRONMENT) {
    savedEnvironment[name] = process.env[name];
  }
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDSANDBOX';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = 'us-east-1';
});

afterAll(async () => {
  for (const name of AWS_ENVIRONMENT) {
    if (savedEnvironment[name] === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = savedEnvironment[name];
    }
  }
  await sandbox?.stop();
});

it(
  `reads ${ACCOUNTS} accounts in one run without being throttled`,
  async () => {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const provider = AwsAccountsEntityProvider.fromConfig(
      new ConfigReader({
        awsAccounts: { region: 'us-east-1' },
        catalog: {
          providers: {
            awsAccounts: {
              fallbackOwner: 'team-platform',
              requestsPerSecond: REQUESTS_PER_SECOND,
            },
          },
        },
      }),
      { logger, scheduler: mockServices.scheduler.mock() },
    );
    const connection: jest.Mocked<EntityProviderConnection> = {
      applyMutation: jest.fn(),
      refresh: jest.fn(),
    };
    await provider!.connect(connection);

    const outcome = await provider!.refresh();

    if (outcome.status !== 'applied') {
      throw new Error(`the read failed: ${outcome.reason}`);
    }
    const { statistics } = outcome;
    process.stdout.write(
      `\n${ACCOUNTS} accounts at quota scale ${QUOTA_SCALE} (${REQUESTS_PER_SECOND} requests/s): ${
        statistics.totalCalls
      } calls ${JSON.stringify(statistics.calls)}, ${
        statistics.retries
      } retries, ${(statistics.durationMs / 1000).toFixed(1)} s\n`,
    );

    expect(outcome.accounts).toBe(ACCOUNTS);
    // All but the suspended sandbox-experiments account.
    expect(outcome.entities).toBe(ACCOUNTS - 1);
    expect(statistics.calls.ListTagsForResource).toBe(ACCOUNTS);
    expect(statistics.totalCalls).toBe(EXPECTED_CALLS);
    // Within the quota. The sandbox runs in this process, so a stall of the
    // process (a loaded CI machine) can make paced requests arrive together
    // and trip the bucket now and then; such a throttle must stay rare, be
    // retried, and show in the sandbox's count as one more call.
    expect(statistics.retries).toBeLessThanOrEqual(ACCOUNTS / 1000);
    const received = Object.entries(sandbox.control.callCounts())
      .filter(([key]) => key.startsWith('organizations:'))
      .reduce((sum, [, count]) => sum + count, 0);
    expect(received).toBe(EXPECTED_CALLS + statistics.retries);
    // The pacer is what bounds the run: it cannot be faster than the rate.
    expect(statistics.durationMs).toBeGreaterThanOrEqual(
      ((EXPECTED_CALLS - 1) / REQUESTS_PER_SECOND) * 1000,
    );
  },
  TIMEOUT_MS,
);
