import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import awsAccountsPlugin from '@sra-backstage/plugin-aws-accounts/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, awsAccountsPlugin, navModule],
});
