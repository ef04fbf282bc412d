import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Catalog module that provides the accounts of an AWS organization as
 * entities.
 *
 * @public
 */
export const catalogModuleAwsAccounts = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-accounts',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
