export { catalogModuleAwsAccounts as default } from './module';
