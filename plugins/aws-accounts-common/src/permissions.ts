import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of posture permissions: the catalog entity that carries
 * the account's `amazonaws.com/account-id` annotation, so that catalog
 * conditions (such as "is entity owner") decide who reads which account.
 *
 * @public
 */
export const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Read an account's posture, findings and history.
 *
 * @public
 */
export const awsAccountsPostureReadPermission: ResourcePermission<
  typeof RESOURCE_TYPE_CATALOG_ENTITY
> = createPermission({
  name: 'aws-accounts.posture.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Ask for an account's posture to be collected again now.
 *
 * @public
 */
export const awsAccountsPostureRefreshPermission: ResourcePermission<
  typeof RESOURCE_TYPE_CATALOG_ENTITY
> = createPermission({
  name: 'aws-accounts.posture.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Vend a new AWS account through Account Factory.
 *
 * @public
 */
export const awsAccountsAccountCreatePermission = createPermission({
  name: 'aws-accounts.account.create',
  attributes: { action: 'create' },
});

/** @public */
export const awsAccountsPermissions = [
  awsAccountsPostureReadPermission,
  awsAccountsPostureRefreshPermission,
  awsAccountsAccountCreatePermission,
];
