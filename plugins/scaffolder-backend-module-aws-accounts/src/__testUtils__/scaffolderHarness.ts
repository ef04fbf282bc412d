import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { SandboxHandle, SEED_OUS } from '@sra-backstage/aws-sandbox';
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleAwsAccounts } from '../module';

const TEMPLATES_DIR = resolve(__dirname, '../../../../templates');

/** What a finished task shows its user. */
export type TaskOutput = {
  links?: { title?: string; url?: string; entityRef?: string }[];
  text?: { title?: string; content?: string }[];
};

/** A finished task: its status, its output and its log lines. */
export type TaskResult = {
  status: string;
  output?: TaskOutput;
  log: string;
};

type TestBackend = Awaited<ReturnType<typeof startTestBackend>>;

/** A template entity as the catalog holds it after reading the file. */
export function templateEntity(name: string) {
  const file = resolve(TEMPLATES_DIR, name, 'template.yaml');
  const entity = parse(readFileSync(file, 'utf8'));
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${file}`,
    'backstage.io/managed-by-origin-location': `file:${file}`,
  };
  return entity;
}

/**
 * S3 Control calls `<account id>.localhost`; this resolves every
 * `*.localhost` name to the loopback address, as a developer's resolver
 * would. Returns the function that puts the real lookup back.
 */
export function resolveLocalhostSubdomains(): () => void {
  const original = dns.lookup;
  const patched = ((
    hostname: string,
    options: unknown,
    callback?: (...args: unknown[]) => void,
  ) => {
    const done = (typeof options === 'function' ? options : callback) as (
      ...args: unknown[]
    ) => void;
    const all =
      typeof options === 'object' && options !== null && 'all' in options;
    if (hostname.endsWith('.localhost')) {
      return all
        ? done(null, [{ address: '127.0.0.1', family: 4 }])
        : done(null, '127.0.0.1', 4);
    }
    return (original as (...args: unknown[]) => void)(
      hostname,
      options,
      callback,
    );
  }) as typeof dns.lookup;
  dns.lookup = patched;
  return () => {
    dns.lookup = original;
  };
}

/**
 * A backend with the real scaffolder, this module, the vending templates in
 * a catalog mock, and config aimed at the sandbox.
 */
export function startVendingBackend(options: {
  sandbox: SandboxHandle;
  extraConfig?: JsonObject;
  /** The database of every plugin; an in-memory one when left out. */
  knex?: Knex;
}): Promise<TestBackend> {
  return startTestBackend({
    features: [
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      scaffolderPlugin,
      scaffolderModuleAwsAccounts,
      catalogServiceMock.factory({
        entities: [
          templateEntity('aws-application-account'),
          templateEntity('aws-application-environments'),
          templateEntity('aws-account-baseline'),
          templateEntity('aws-service-catalog-product'),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name: 'aws-account-600000000003',
              namespace: 'default',
              annotations: { 'amazonaws.com/account-id': '600000000003' },
            },
            spec: { type: 'aws-account', owner: 'group:default/team-orders' },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          ...options.extraConfig,
          aws: {
            mainAccount: {
              accessKeyId: 'AKIASANDBOXTEST',
              secretAccessKey: 'sandbox-secret',
            },
          },
          awsAccounts: {
            region: 'us-east-1',
            regions: ['us-east-1', 'eu-west-1'],
            vending: {
              organizationalUnits: {
                prod: SEED_OUS.prod.id,
                staging: SEED_OUS.staging.id,
                dev: SEED_OUS.dev.id,
              },
              accountEmailPattern:
                'aws+{application}-{environment}@example.com',
              polling: {
                initialIntervalSeconds: 0.05,
                maxIntervalSeconds: 0.2,
              },
              busyRetry: {
                attempts: 3,
                initialDelaySeconds: 0.1,
                maxDelaySeconds: 0.2,
              },
              maxConcurrentAccounts: 2,
            },
          },
        },
      }),
    ],
  });
}

/** Starts a task from a template. */
export async function startTask(
  backend: TestBackend,
  templateRef: string,
  values: JsonObject,
): Promise<string> {
  const created = await request(backend.server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', mockCredentials.user.header())
    .send({ templateRef, values });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** The task's status, output and log as they are now. */
export async function readTask(
  backend: TestBackend,
  taskId: string,
): Promise<TaskResult> {
  const task = await request(backend.server)
    .get(`/api/scaffolder/v2/tasks/${taskId}`)
    .set('Authorization', mockCredentials.user.header());
  const events = await request(backend.server)
    .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
    .set('Authorization', mockCredentials.user.header());
  const taskEvents = events.body as {
    type: string;
    body: { message?: string; output?: TaskOutput };
  }[];
  return {
    status: task.body.status as string,
    output: taskEvents.find(event => event.type === 'completion')?.body.output,
    log: taskEvents
      .map(event => event.body.message)
      .filter(Boolean)
      .join('\n'),
  };
}

/** Polls the task until `done` says so, or fails after the time. */
export async function waitForTask(
  backend: TestBackend,
  taskId: string,
  done: (task: TaskResult) => boolean = task =>
    ['completed', 'failed', 'cancelled'].includes(task.status),
  timeoutMs = 30_000,
): Promise<TaskResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await readTask(backend, taskId);
    if (done(task)) {
      return task;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Task ${taskId} did not get there in time; it is ${task.status}:\n${task.log}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Runs a template to its end. */
export async function runTask(
  backend: TestBackend,
  templateRef: string,
  values: JsonObject,
): Promise<TaskResult> {
  return waitForTask(backend, await startTask(backend, templateRef, values));
}
