import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  DefaultAwsClientFactory,
  DefaultOrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { createAccountBaselineAction } from './actions/accountBaseline';
import { createAccountCreateAction } from './actions/accountCreate';
import { createAccountTagAction } from './actions/accountTag';
import { createApplicationAccountsCreateAction } from './actions/applicationAccountsCreate';
import { createCloudFormationStackDeployAction } from './actions/cloudFormationStackDeploy';
import { createServiceCatalogProductProvisionAction } from './actions/serviceCatalogProductProvision';
import { readVendingSettings } from './config/readVendingSettings';

/**
 * Scaffolder module with the actions that vend AWS accounts.
 *
 * @public
 */
export const scaffolderModuleAwsAccounts = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aws-accounts',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        events: eventsServiceRef,
      },
      async init({ scaffolder, config, logger, permissions, events }) {
        const settings = readVendingSettings(config);
        const clientFactory = DefaultAwsClientFactory.fromConfig(config, {
          maxAttempts: config.getOptionalNumber('awsAccounts.maxAttempts'),
        });
        const organizationReader = DefaultOrganizationReader.fromConfig(
          config,
          { clientFactory },
        );
        const options = {
          clientFactory,
          organizationReader,
          settings,
          permissions,
          events,
        };

        scaffolder.addActions(
          createServiceCatalogProductProvisionAction(options),
          createAccountCreateAction(options),
          createAccountTagAction(options),
          createAccountBaselineAction(options),
          createApplicationAccountsCreateAction(options),
          createCloudFormationStackDeployAction(options),
        );
        logger.info('Registered the AWS account vending actions', {
          homeRegion: settings.homeRegion,
          environments: Object.keys(settings.organizationalUnits).join(','),
        });
      },
    });
  },
});
