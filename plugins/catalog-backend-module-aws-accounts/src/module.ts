import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { AWS_ACCOUNTS_REFRESH_TOPIC } from '@sra-backstage/plugin-aws-accounts-common';
import { AwsAccountsEntityProvider } from './providers/AwsAccountsEntityProvider';

/**
 * Catalog module that provides the accounts of an AWS organization as
 * Resource entities, read on the schedule in `catalog.providers.awsAccounts`
 * and within seconds of an event on the `aws-accounts.refresh` topic.
 *
 * @public
 */
export const catalogModuleAwsAccounts = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-accounts',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, lifecycle, events }) {
        const provider = AwsAccountsEntityProvider.fromConfig(config, {
          logger,
          scheduler,
        });
        if (!provider) {
          logger.info(
            'No catalog.providers.awsAccounts config; the AWS accounts entity provider is off',
          );
          return;
        }

        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'aws-accounts-entity-provider',
          topics: [AWS_ACCOUNTS_REFRESH_TOPIC],
          onEvent: async ({ eventPayload }) =>
            provider.requestRefresh(accountIdsOf(eventPayload)),
        });
        lifecycle.addShutdownHook(() => provider.stop());
      },
    });
  },
});

/** The account ids a refresh event names, if any (`{ accountId }`). */
function accountIdsOf(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const { accountId } = payload as { accountId?: unknown };
  return typeof accountId === 'string' ? [accountId] : [];
}
