/*
 * Benchmark: seeds 1,000 accounts x 1,000 findings per account and measures
 * how long the sandbox takes to serve a filtered, sorted Security Hub
 * GetFindings page and an Inspector2 ListFindings page through the real
 * SDK clients, compared with the interval the published quota allows.
 *
 * Run: yarn workspace @sra-backstage/aws-sandbox bench [--accounts N] [--findings-per-account M] [--iterations K]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  Inspector2Client,
  ListFindingsCommand,
} from '@aws-sdk/client-inspector2';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startSandbox } from '../src';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    'findings-per-account': { type: 'string', default: '1000' },
    iterations: { type: 'string', default: '30' },
  },
});

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function line(label: string, samples: number[], quotaIntervalMs: number) {
  const { median, p95, max } = stats(samples);
  process.stdout.write(
    `${label.padEnd(58)} median ${median.toFixed(1).padStart(6)} ms  p95 ${p95
      .toFixed(1)
      .padStart(6)} ms  max ${max
      .toFixed(1)
      .padStart(6)} ms  quota interval ${quotaIntervalMs.toFixed(
      0,
    )} ms  median/interval ${(median / quotaIntervalMs).toFixed(3)}\n`,
  );
}

async function main() {
  const accounts = Number(values.accounts);
  const findingsPerAccount = Number(values['findings-per-account']);
  const iterations = Number(values.iterations);
  const rssBefore = process.memoryUsage().rss;

  const seeded = performance.now();
  const sandbox = await startSandbox({
    port: 0,
    quotaScale: 0,
    seed: { accounts, findingsPerAccount },
  });
  process.stdout.write(
    `seeded ${
      sandbox.seed.accounts.length
    } accounts x ${findingsPerAccount} findings in ${(
      performance.now() - seeded
    ).toFixed(0)} ms\n`,
  );

  const settings = {
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
  };
  const sts = new STSClient({
    ...settings,
    credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'x' },
  });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn:
        'arn:aws:iam::222222222222:role/BackstageSecurityToolingReadRole',
      RoleSessionName: 'bench',
    }),
  );
  const credentials = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  };
  const securityHub = new SecurityHubClient({ ...settings, credentials });
  const inspector = new Inspector2Client({ ...settings, credentials });

  const indexed = performance.now();
  await securityHub.send(new GetFindingsCommand({ MaxResults: 1 }));
  await inspector.send(new ListFindingsCommand({ maxResults: 1 }));
  process.stdout.write(
    `first query (indexes built): ${(performance.now() - indexed).toFixed(
      0,
    )} ms; resident memory +${(
      (process.memoryUsage().rss - rssBefore) /
      1048576
    ).toFixed(0)} MB\n`,
  );

  const target = (i: number) =>
    sandbox.seed.accounts[(i * 37) % sandbox.seed.accounts.length].id;
  const time = async (run: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await run(i);
      samples.push(performance.now() - started);
    }
    return samples;
  };

  line(
    'Security Hub GetFindings, one account, active, by severity',
    await time(i =>
      securityHub.send(
        new GetFindingsCommand({
          Filters: {
            AwsAccountId: [{ Value: target(i), Comparison: 'EQUALS' }],
            RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
            WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
          },
          SortCriteria: [{ Field: 'SeverityLabel', SortOrder: 'desc' }],
          MaxResults: 100,
        }),
      ),
    ),
    1000 / 3,
  );

  line(
    'Security Hub GetFindings, all accounts, HIGH, newest first',
    await time(i =>
      securityHub.send(
        new GetFindingsCommand({
          Filters: {
            SeverityLabel: [
              { Value: i % 2 ? 'HIGH' : 'CRITICAL', Comparison: 'EQUALS' },
            ],
            RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
          },
          SortCriteria: [{ Field: 'UpdatedAt', SortOrder: 'desc' }],
          MaxResults: 100,
        }),
      ),
    ),
    1000 / 3,
  );

  line(
    'Security Hub GetFindings, all accounts, FAILED controls, by account',
    await time(i =>
      securityHub.send(
        new GetFindingsCommand({
          Filters: {
            ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
            RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
            Region: [
              {
                Value: i % 2 ? 'us-east-1' : 'eu-west-1',
                Comparison: 'EQUALS',
              },
            ],
          },
          SortCriteria: [{ Field: 'AwsAccountId', SortOrder: 'asc' }],
          MaxResults: 100,
        }),
      ),
    ),
    1000 / 3,
  );

  line(
    'Inspector2 ListFindings, one account, ACTIVE, by severity',
    await time(i =>
      inspector.send(
        new ListFindingsCommand({
          filterCriteria: {
            awsAccountId: [{ comparison: 'EQUALS', value: target(i) }],
            findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
          },
          sortCriteria: { field: 'SEVERITY', sortOrder: 'DESC' },
          maxResults: 100,
        }),
      ),
    ),
    1000 / 10,
  );

  line(
    'Inspector2 ListFindings, all accounts, CRITICAL, newest first',
    await time(() =>
      inspector.send(
        new ListFindingsCommand({
          filterCriteria: {
            severity: [{ comparison: 'EQUALS', value: 'CRITICAL' }],
          },
          sortCriteria: { field: 'LAST_OBSERVED_AT', sortOrder: 'DESC' },
          maxResults: 100,
        }),
      ),
    ),
    1000 / 10,
  );

  await sandbox.stop();
}

main().catch(error => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
