export { awsAccountsPlugin as default } from './plugin';
