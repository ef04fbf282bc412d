import { Server } from 'node:http';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SandboxHandle,
  installLoopbackResolver,
} from '@sra-backstage/aws-sandbox';
import awsAccountsPlugin from '@sra-backstage/plugin-aws-accounts-backend';
import { Knex } from 'knex';
import { seedEntities } from './seedEntities';

/** A running posture plugin wired to the sandbox. */
export interface PostureBackend {
  server: Server;
  /** Runs the scheduled collection once and waits for it (mock scheduler). */
  collect(): Promise<void>;
  scheduler(): SchedulerService;
  stop(): Promise<void>;
}

/** How to start a posture plugin for a fault test. */
export interface PostureBackendOptions {
  sandbox: SandboxHandle;
  knex: Knex;
  mode?: 'delegatedAdmin' | 'perAccount';
  /** SDK attempts per call; fewer makes a fault test fail faster. */
  maxAttempts?: number;
  concurrency?: number;
  permissions?: ServiceFactory;
  /** Replaces the mock scheduler, e.g. the real one for replica tests. */
  schedulerFactory?: ServiceFactory;
  /** Replaces the plugin's logger, e.g. a mock to count log lines. */
  logger?: ServiceFactory;
  /** Extra config under `awsAccounts.posture`. */
  posture?: Record<string, unknown>;
}

/**
 * Points the AWS SDK of this process at the sandbox through its standard
 * settings; returns the function that restores the environment.
 */
export function useSandboxEndpoint(sandbox: SandboxHandle): () => void {
  installLoopbackResolver();
  const saved = {
    AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
    AWS_REGION: process.env.AWS_REGION,
  };
  // A host name, not an IP: S3 Control prefixes the host with the account id.
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint.replace(
    '127.0.0.1',
    'localhost',
  );
  process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOXFAULTSUITE';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = sandbox.seed.homeRegion;
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  };
}

/**
 * Starts the posture plugin exactly as a portal installs it (its default
 * export), with the seeded accounts in a mock catalog, the given database
 * and a handle on its scheduler so a test decides when collection runs.
 */
export async function startPostureBackend(
  options: PostureBackendOptions,
): Promise<PostureBackend> {
  const { sandbox, knex } = options;
  const holder: { scheduler?: SchedulerService } = {};
  const schedulerProbe = createBackendModule({
    pluginId: 'aws-accounts',
    moduleId: 'fault-suite-scheduler-probe',
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
      schedulerProbe,
      mockServices.database.factory({ knex }),
      ...(options.logger ? [options.logger] : []),
      options.schedulerFactory ??
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      catalogServiceMock.factory({ entities: seedEntities(sandbox.seed) }),
      options.permissions ??
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
            maxAttempts: options.maxAttempts ?? 4,
            posture: {
              mode: options.mode ?? 'delegatedAdmin',
              concurrency: options.concurrency ?? 4,
              ...options.posture,
            },
          },
        },
      }),
    ],
  });

  const scheduler = () => {
    if (!holder.scheduler) {
      throw new Error('The posture plugin started without a scheduler');
    }
    return holder.scheduler;
  };
  const collectionTaskId = async () => {
    const tasks = await scheduler().getScheduledTasks();
    if (tasks.length !== 1) {
      throw new Error(
        `Expected the posture plugin to schedule one task, found ${tasks.length}`,
      );
    }
    return tasks[0].id;
  };

  return {
    server: backend.server,
    scheduler,
    async collect() {
      await scheduler().triggerTask(await collectionTaskId());
    },
    stop: () => backend.stop(),
  };
}
