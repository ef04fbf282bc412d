/**
 * The AWS accounts plugin for the new frontend system.
 *
 * @packageDocumentation
 */

import { awsAccountsPlugin } from './alpha/plugin';

export { awsAccountsApiRef } from './api';
export type { AccountsQuery, AwsAccountsApi } from './api';
export { awsAccountEntityFilter } from './alpha/entityExtensions';

/** @alpha */
export default awsAccountsPlugin;
