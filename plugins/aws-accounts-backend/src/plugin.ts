import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';

/**
 * The AWS accounts posture service.
 *
 * @public
 */
export const awsAccountsPlugin = createBackendPlugin({
  pluginId: 'aws-accounts',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/health', (_req, res) => {
          res.json({ status: 'ok' });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
