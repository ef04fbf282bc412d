import {
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonValue } from '@backstage/types';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import {
  DefaultAwsClientFactory,
  DefaultOrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import {
  createAccountCreateAction,
  readVendingSettings,
} from '@sra-backstage/plugin-scaffolder-backend-module-aws-accounts';
import { useSandboxEndpoint } from './harness/startPostureBackend';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Task state that outlives a backend, as the scaffolder's database keeps it. */
function checkpointStore() {
  const values = new Map<string, JsonValue | void>();
  return {
    values,
    async checkpoint<T extends JsonValue | void>(opts: {
      key: string;
      fn: () => Promise<T> | T;
    }): Promise<T> {
      if (values.has(opts.key)) {
        return values.get(opts.key) as T;
      }
      const value = await opts.fn();
      values.set(opts.key, value);
      return value;
    },
  };
}

describe('a vending task interrupted before SUCCEEDED', () => {
  let sandbox: SandboxHandle;
  let restoreEnv: () => void;
  const config = new ConfigReader({
    aws: { mainAccount: {} },
    awsAccounts: {
      region: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      vending: {
        organizationalUnits: {
          prod: 'ou-sra0-prod0001',
          staging: 'ou-sra0-stage001',
          dev: 'ou-sra0-dev00001',
        },
        accountEmailPattern: 'aws+{application}-{environment}@example.com',
        polling: { initialIntervalSeconds: 1, maxIntervalSeconds: 1 },
      },
    },
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, provisioningDelayMs: 300 });
    restoreEnv = useSandboxEndpoint(sandbox);
  });

  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.stop();
  });

  function runTask(
    store: ReturnType<typeof checkpointStore>,
    signal?: AbortSignal,
  ) {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
    const clientFactory = DefaultAwsClientFactory.fromConfig(config);
    const action = createAccountCreateAction({
      clientFactory,
      organizationReader: DefaultOrganizationReader.fromConfig(config, {
        clientFactory,
      }),
      settings: readVendingSettings(config),
      permissions,
    });
    const context = {
      ...createMockActionContext({
        input: {
          application: 'system:default/inventory',
          environment: 'dev',
          ssoUser: {
            email: 'jane.doe@example.com',
            firstName: 'Jane',
            lastName: 'Doe',
          },
        },
        task: { id: 'fault-suite-vending-task' },
      }),
      checkpoint: store.checkpoint,
      ...(signal ? { signal } : {}),
    };
    return {
      done: action.handler(context),
      accountId: () =>
        jest
          .mocked(context.output)
          .mock.calls.find(([name]) => name === 'accountId')?.[1],
    };
  }

  it('creates exactly one account when the same task runs again', async () => {
    const store = checkpointStore();
    sandbox.control.holdRecords(true);
    const stopped = new AbortController();
    const first = runTask(store, stopped.signal);
    const firstOutcome = first.done.then(
      () => 'finished',
      (error: Error) => `stopped: ${error.message}`,
    );
    const settled = { value: false };
    firstOutcome.then(() => {
      settled.value = true;
    });
    for (
      let waited = 0;
      !sandbox.control.callCounts()['servicecatalog:ProvisionProduct'] &&
      !settled.value &&
      waited < 20_000;
      waited += 100
    ) {
      await sleep(100);
    }
    expect(settled.value ? await firstOutcome : 'running').toBe('running');
    expect(
      sandbox.control.callCounts()['servicecatalog:ProvisionProduct'],
    ).toBe(1);
    stopped.abort();
    expect(await firstOutcome).toMatch(/^stopped/);
    expect(first.accountId()).toBeUndefined();

    sandbox.control.holdRecords(false);
    const resumed = runTask(store);
    await resumed.done;
    const accountId = resumed.accountId();
    expect(accountId).toMatch(/^\d{12}$/);
    expect(
      sandbox.control.callCounts()['servicecatalog:ProvisionProduct'],
    ).toBe(1);

    // The task state lost as well: the run may find its account again or
    // refuse with a conflict naming it, but never vend a second one.
    const fresh = runTask(checkpointStore());
    const freshOutcome = await fresh.done.then(
      () => `account ${fresh.accountId()}`,
      (error: Error) => `${error.name}: ${error.message}`,
    );
    expect([
      `account ${accountId}`,
      expect.stringMatching(new RegExp(`^ConflictError: .*${accountId}`)),
    ]).toContainEqual(freshOutcome);

    const organizations = new OrganizationsClient({ region: 'us-east-1' });
    const accounts = await organizations.send(new ListAccountsCommand({}));
    expect(
      accounts.Accounts?.filter(account => account.Name === 'inventory-dev'),
    ).toHaveLength(1);
  });
});
