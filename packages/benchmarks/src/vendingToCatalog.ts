import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SandboxHandle } from '@sra-backstage/aws-sandbox';
import { AwsAccountsEntityProvider } from '@sra-backstage/plugin-catalog-backend-module-aws-accounts';
import {
  DefaultAwsClientFactory,
  DefaultOrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import {
  createAccountCreateAction,
  readVendingSettings,
} from '@sra-backstage/plugin-scaffolder-backend-module-aws-accounts';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@sra-backstage/plugin-aws-accounts-common';
import { performance } from 'node:perf_hooks';

/** Times of one vended account. */
export interface VendingRun {
  provisionMs: number;
  succeededToEntityMs: number;
  accountId: string;
}

/**
 * Vends one account with the `aws:account:create` action, then asks the
 * catalog entity provider for a refresh (as the tag action's event does)
 * and measures from the action seeing SUCCEEDED to the entity being
 * applied to the catalog.
 */
export async function measureVendingToCatalog(
  sandbox: SandboxHandle,
): Promise<VendingRun> {
  const config = new ConfigReader({
    aws: { mainAccount: {} },
    awsAccounts: {
      region: sandbox.seed.homeRegion,
      regions: sandbox.seed.regions,
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
    catalog: {
      providers: { awsAccounts: { fallbackOwner: 'team-platform' } },
    },
  });

  const entities = new Map<string, number>();
  const provider = AwsAccountsEntityProvider.fromConfig(config, {
    logger: mockServices.logger.mock(),
    scheduler: mockServices.scheduler(),
  });
  if (!provider) {
    throw new Error('The AWS accounts entity provider is not configured');
  }
  await provider.connect({
    async applyMutation(mutation: EntityProviderMutation) {
      const list =
        mutation.type === 'full'
          ? mutation.entities.map(e => e.entity)
          : mutation.added.map(e => e.entity);
      for (const entity of list) {
        const id = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
        if (id && !entities.has(id)) {
          entities.set(id, performance.now());
        }
      }
    },
    async refresh() {},
  });
  await provider.refresh();

  const clientFactory = DefaultAwsClientFactory.fromConfig(config);
  const action = createAccountCreateAction({
    clientFactory,
    organizationReader: DefaultOrganizationReader.fromConfig(config, {
      clientFactory,
    }),
    settings: readVendingSettings(config),
    permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
  });
  const context = createMockActionContext({
    input: {
      application: 'system:default/benchmark',
      environment: 'dev',
      ssoUser: {
        email: 'bench@example.com',
        firstName: 'Bench',
        lastName: 'Mark',
      },
    },
    task: { id: `benchmark-${Date.now()}` },
  });
  const started = performance.now();
  await action.handler(context);
  const succeeded = performance.now();
  const accountId = (context.output as jest.Mock).mock.calls.find(
    ([name]: [string]) => name === 'accountId',
  )?.[1] as string;

  provider.requestRefresh();
  const deadline = succeeded + 600_000;
  while (!entities.has(accountId) && performance.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  provider.stop();
  const seen = entities.get(accountId);
  if (seen === undefined) {
    throw new Error(`Account ${accountId} did not reach the catalog in 600 s`);
  }
  return {
    accountId,
    provisionMs: succeeded - started,
    succeededToEntityMs: seen - succeeded,
  };
}
