/**
 * Catalog backend module that turns the accounts of an AWS organization into
 * Resource entities.
 *
 * @packageDocumentation
 */

export { catalogModuleAwsAccounts as default } from './module';
export * from './providers/AwsAccountsEntityProvider';
