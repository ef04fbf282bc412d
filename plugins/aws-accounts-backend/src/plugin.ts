import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  awsAccountsPostureReadPermission,
  awsAccountsPostureRefreshPermission,
} from '@sra-backstage/plugin-aws-accounts-common';
import {
  DefaultAwsClientFactory,
  DefaultOrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { CatalogAccountReader } from './catalog/CatalogAccountReader';
import { PostureCollector } from './collector/PostureCollector';
import { readPostureConfig } from './config/readPostureConfig';
import { AccountStore } from './database/AccountStore';
import { FindingStore } from './database/FindingStore';
import { migrateDatabase } from './database/migrateDatabase';
import { SnapshotStore } from './database/SnapshotStore';
import { SyncStateStore } from './database/SyncStateStore';
import { ScaffolderPickerReader } from './pickers/ScaffolderPickerReader';
import { AccountAccess } from './service/AccountAccess';
import { createRouter } from './service/createRouter';

/** The scheduler task id; one run at a time across all replicas. */
export const POSTURE_COLLECTION_TASK_ID = 'aws-accounts-posture-collection';

/**
 * The AWS accounts posture service: collects Security Hub, GuardDuty,
 * Config, Access Analyzer, Inspector and the SRA baseline per account on a
 * schedule, stores snapshots and findings, and serves them over REST
 * filtered by the `aws-accounts.posture.read` permission.
 *
 * @public
 */
export const awsAccountsPlugin = createBackendPlugin({
  pluginId: 'aws-accounts',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        cache,
        catalog,
      }) {
        const postureConfig = readPostureConfig(config);
        const db = await migrateDatabase(database);
        const stores = {
          accounts: AccountStore.create(db),
          findings: FindingStore.create(db),
          snapshots: SnapshotStore.create(db),
          syncState: SyncStateStore.create(db),
        };
        const clientFactory = DefaultAwsClientFactory.fromConfig(config, {
          maxAttempts: config.getOptionalNumber('awsAccounts.maxAttempts'),
        });

        const collector = PostureCollector.create({
          config: postureConfig,
          clientFactory,
          accountReader: CatalogAccountReader.create({ catalog, auth }),
          stores,
          logger: logger.child({ task: POSTURE_COLLECTION_TASK_ID }),
        });

        permissionsRegistry.addPermissions([
          awsAccountsPostureReadPermission,
          awsAccountsPostureRefreshPermission,
        ]);

        await scheduler.scheduleTask({
          id: POSTURE_COLLECTION_TASK_ID,
          ...postureConfig.schedule,
          // One run per tick across every replica, whatever the config says.
          scope: 'global',
          fn: async abortSignal => {
            await collector.collectAll({ signal: abortSignal });
          },
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            cache,
            access: AccountAccess.create({
              permissions,
              accounts: stores.accounts,
            }),
            accounts: stores.accounts,
            findings: stores.findings,
            snapshots: stores.snapshots,
            refresher: collector,
            pickers: ScaffolderPickerReader.create({
              config: postureConfig,
              clientFactory,
              organizationReader: DefaultOrganizationReader.fromConfig(config, {
                clientFactory,
              }),
              cache,
              organizationAccount: {
                accountId: config.getOptionalString(
                  'awsAccounts.organization.accountId',
                ),
                roleName: config.getOptionalString(
                  'awsAccounts.organization.roleName',
                ),
              },
            }),
            refreshIntervalSeconds: postureConfig.refreshIntervalSeconds,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
