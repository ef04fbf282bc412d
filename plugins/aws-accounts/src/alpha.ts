import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/** @alpha */
export default createFrontendPlugin({
  pluginId: 'aws-accounts',
  extensions: [],
});
