/**
 * Scaffolder actions that vend SRA application accounts through AWS Service
 * Catalog and Control Tower Account Factory, baseline them and deploy
 * CloudFormation stacks into them.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAwsAccounts as default } from './module';
export { createAccountBaselineAction } from './actions/accountBaseline';
export { createAccountCreateAction } from './actions/accountCreate';
export { createAccountTagAction } from './actions/accountTag';
export { createApplicationAccountsCreateAction } from './actions/applicationAccountsCreate';
export { createCloudFormationStackDeployAction } from './actions/cloudFormationStackDeploy';
export { createServiceCatalogProductProvisionAction } from './actions/serviceCatalogProductProvision';
export type { VendingActionOptions } from './actions/VendingActionOptions';
export { readVendingSettings } from './config/readVendingSettings';
export type * from './config/VendingSettings';
export type {
  AccountRequest,
  SsoUser,
  VendedAccount,
} from './lib/AccountRequest';
export type { BaselineChange } from './lib/BaselineChange';
export type { EnvironmentAccountResult } from './lib/vendEnvironmentAccount';
export { ProvisioningFailedError } from './lib/ProvisioningFailedError';
export { ProvisioningTimeoutError } from './lib/ProvisioningTimeoutError';
