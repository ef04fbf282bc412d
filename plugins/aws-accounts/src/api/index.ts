export { awsAccountsApiRef } from './AwsAccountsApi';
export type { AccountsQuery, AwsAccountsApi } from './AwsAccountsApi';
export { AwsAccountsClient } from './AwsAccountsClient';
