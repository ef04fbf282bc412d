import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SandboxHandle } from '@sra-backstage/aws-sandbox';
import awsAccountsPlugin from '@sra-backstage/plugin-aws-accounts-backend';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { seedEntities } from './seedEntities';

/** The posture plugin running on a real HTTP port. */
export interface BenchBackend {
  baseUrl: string;
  collect(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the posture plugin as a portal installs it, on the given database,
 * with the seeded accounts in the catalog and the collection run on demand.
 */
export async function startPostureBackend(options: {
  sandbox: SandboxHandle;
  knex: Knex;
  concurrency: number;
}): Promise<BenchBackend> {
  const { sandbox, knex } = options;
  const holder: { scheduler?: SchedulerService } = {};
  const probe = createBackendModule({
    pluginId: 'aws-accounts',
    moduleId: 'benchmark-scheduler-probe',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          holder.scheduler = scheduler;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      awsAccountsPlugin,
      probe,
      mockServices.rootLogger.factory({ level: 'error' }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      catalogServiceMock.factory({ entities: seedEntities(sandbox.seed) }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          aws: { mainAccount: {} },
          awsAccounts: {
            region: sandbox.seed.homeRegion,
            regions: sandbox.seed.regions,
            securityTooling: {
              accountId: sandbox.seed.delegatedAdminAccountId,
              roleName: 'BackstageSecurityToolingReadRole',
            },
            readRoleName: 'BackstagePostureReadRole',
            maxAttempts: 8,
            posture: {
              mode: 'delegatedAdmin',
              concurrency: options.concurrency,
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/api/aws-accounts`,
    async collect() {
      const scheduler = holder.scheduler;
      if (!scheduler) {
        throw new Error('The posture plugin started without a scheduler');
      }
      const [task] = await scheduler.getScheduledTasks();
      await scheduler.triggerTask(task.id);
    },
    stop: () => backend.stop(),
  };
}
