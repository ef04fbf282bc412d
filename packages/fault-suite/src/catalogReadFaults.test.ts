import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { AwsAccountsEntityProvider } from '@sra-backstage/plugin-catalog-backend-module-aws-accounts';
import { useSandboxEndpoint } from './harness/startPostureBackend';

jest.setTimeout(60_000);

describe('catalog reads of the organization under AWS faults', () => {
  let sandbox: SandboxHandle;
  let restoreEnv: () => void;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    restoreEnv = useSandboxEndpoint(sandbox);
  });

  afterEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.setQuotaScale(0);
  });

  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.stop();
  });

  async function readOnce() {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const provider = AwsAccountsEntityProvider.fromConfig(
      new ConfigReader({
        aws: { mainAccount: {} },
        awsAccounts: { region: 'us-east-1', maxAttempts: 3 },
        catalog: {
          providers: { awsAccounts: { fallbackOwner: 'team-platform' } },
        },
      }),
      { logger, scheduler: mockServices.scheduler.mock() },
    );
    if (!provider) {
      throw new Error('the provider is not configured');
    }
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      async applyMutation(mutation) {
        mutations.push(mutation);
      },
      async refresh() {},
    };
    await provider.connect(connection);
    const outcome = await provider.refresh();
    const applied = mutations.flatMap(mutation =>
      mutation.type === 'full' ? [mutation.entities.length] : [],
    );
    return { outcome, applied };
  }

  it('applies every account or keeps the last read, under throttling and 5xx bursts', async () => {
    const accounts = sandbox.seed.accounts.length;
    const clean = await readOnce();
    expect(clean.outcome.status).toBe('applied');
    expect(clean.applied).toHaveLength(1);
    const entitiesPerRead = clean.applied[0];
    expect(entitiesPerRead).toBeGreaterThanOrEqual(accounts - 1);

    sandbox.control.setQuotaScale(0.5);
    sandbox.control.failOperation({ service: 'organizations', rate: 0.3 });
    const outcomes: string[] = [];
    for (let read = 0; read < 2; read++) {
      const faulted = await readOnce();
      outcomes.push(faulted.outcome.status);
      // A partial read never reaches the catalog: all entities or none.
      expect(faulted.applied.every(count => count === entitiesPerRead)).toBe(
        true,
      );
      expect(faulted.applied).toHaveLength(
        faulted.outcome.status === 'applied' ? 1 : 0,
      );
    }
    expect(outcomes.length).toBe(2);
  });

  it('keeps the entities when every Organizations call fails', async () => {
    sandbox.control.failOperation({ service: 'organizations', rate: 1 });
    const failed = await readOnce();
    expect(failed.outcome.status).toBe('kept');
    expect(failed.applied).toEqual([]);
  });
});
