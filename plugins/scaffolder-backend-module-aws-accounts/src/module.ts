import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Scaffolder module with the actions that vend AWS accounts.
 *
 * @public
 */
export const scaffolderModuleAwsAccounts = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aws-accounts',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
