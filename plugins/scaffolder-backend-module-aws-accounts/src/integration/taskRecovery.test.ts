import {
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import knexFactory from 'knex';
import {
  resolveLocalhostSubdomains,
  startTask,
  startVendingBackend,
  waitForTask,
} from '../__testUtils__/scaffolderHarness';

// A restart and the recovery loop take seconds on a busy machine.
jest.setTimeout(90_000);

describe('a backend restart while the account record is IN_PROGRESS', () => {
  let sandbox: SandboxHandle;
  let restoreDns: () => void;
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;
  const databaseDirectory = createMockDirectory();

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, provisioningDelayMs: 200 });
    process.env.AWS_ENDPOINT_URL = `http://localhost:${sandbox.port}`;
    restoreDns = resolveLocalhostSubdomains();
  });

  afterAll(async () => {
    restoreDns?.();
    process.env.AWS_ENDPOINT_URL = previousEndpoint;
    await sandbox?.stop();
  });

  it('resumes the task after the restart and still yields exactly one account', async () => {
    // Both backends use one SQLite file, as one portal restarted would.
    // The first backend's crash: its database calls never answer again, so
    // its task stops heartbeating and writing, like a killed process, and
    // task recovery in the second backend takes the task over.
    const connect = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: {
          filename: databaseDirectory.resolve('scaffolder.sqlite'),
        },
        useNullAsDefault: true,
      });
    const firstDatabase = connect();
    const extraConfig = {
      scaffolder: {
        taskRecovery: { enabled: true, staleTimeout: { seconds: 2 } },
      },
    };
    sandbox.control.holdRecords(true);
    const first = await startVendingBackend({
      sandbox,
      extraConfig,
      knex: firstDatabase,
    });
    const taskId = await startTask(
      first,
      'template:default/aws-application-account',
      {
        application: 'system:default/billing',
        environment: 'prod',
        owner: 'group:default/team-payments',
        ssoEmail: 'jane.doe@example.com',
        ssoFirstName: 'Jane',
        ssoLastName: 'Doe',
        deployNetwork: false,
      },
    );
    await waitForTask(first, taskId, task =>
      /Record rec-\w+ is IN_PROGRESS/.test(task.log),
    );

    await first.stop();
    firstDatabase.client.acquireConnection = () => new Promise(() => {});
    const secondDatabase = connect();
    const second = await startVendingBackend({
      sandbox,
      extraConfig,
      knex: secondDatabase,
    });
    sandbox.control.holdRecords(false);
    const result = await waitForTask(
      second,
      taskId,
      task => ['completed', 'failed'].includes(task.status),
      45_000,
    );

    expect(`${result.status}\n${result.log}`).toMatch(/^completed\n/);
    expect(
      sandbox.control.callCounts()['servicecatalog:ProvisionProduct'],
    ).toBe(1);
    const organizations = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: `http://localhost:${sandbox.port}`,
      credentials: {
        accessKeyId: 'AKIASANDBOXTEST',
        secretAccessKey: 'sandbox-secret',
      },
    });
    const accounts = await organizations.send(new ListAccountsCommand({}));
    expect(
      accounts.Accounts?.filter(account => account.Name === 'billing-prod'),
    ).toHaveLength(1);
    expect(result.log).toContain(
      'Task recovered - resuming from last known good state',
    );
    // The connection stays open: the stopped backend's worker loops may
    // still query, and a closed pool would crash the test process.
    await second.stop();
  });
});
