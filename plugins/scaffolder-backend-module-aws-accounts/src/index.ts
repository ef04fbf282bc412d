export { scaffolderModuleAwsAccounts as default } from './module';
