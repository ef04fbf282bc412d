/*
 * The local portal's backend: the core plugins a platform team runs, plus
 * the AWS accounts suite (catalog provider, vending actions, posture
 * service).
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@sra-backstage/plugin-catalog-backend-module-aws-accounts'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@sra-backstage/plugin-scaffolder-backend-module-aws-accounts'),
);

backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything but AWS account posture, which only the security team
// and each account's owners may read.
backend.add(import('./permissionPolicy'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@sra-backstage/plugin-aws-accounts-backend'));

backend.start();
