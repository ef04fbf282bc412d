import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AwsClientFactory,
  AwsClientSettings,
  DefaultAwsClientFactory,
} from '@sra-backstage/plugin-aws-accounts-node';
import { Knex } from 'knex';
import { Agent } from 'node:http';
import { SandboxHandle } from '@sra-backstage/aws-sandbox';
import { PostureCollector } from '../collector/PostureCollector';
import { readPostureConfig } from '../config/readPostureConfig';
import { AccountRecord, AccountStore } from '../database/AccountStore';
import { FindingStore } from '../database/FindingStore';
import { migrationsDirectory } from '../database/migrateDatabase';
import { SnapshotStore } from '../database/SnapshotStore';
import { SyncStateStore } from '../database/SyncStateStore';

/** The seed's accounts as the catalog provider would describe them. */
export function accountsOfSeed(sandbox: SandboxHandle): AccountRecord[] {
  const units = new Map(
    sandbox.seed.organizationalUnits.map(unit => [unit.id, unit]),
  );
  const pathOf = (parentId: string): string => {
    const unit = units.get(parentId);
    return unit ? `${pathOf(unit.parentId)}/${unit.name}` : 'Root';
  };
  return sandbox.seed.accounts.map(account => ({
    accountId: account.id,
    name: account.name,
    entityRef: `resource:default/aws-account-${account.id}`,
    owner: account.tags.owner
      ? `group:default/${account.tags.owner}`
      : undefined,
    application: account.tags.application,
    environment: account.tags.environment,
    organizationalUnitId: account.parentId,
    organizationalUnitPath: pathOf(account.parentId),
    status: account.status,
  }));
}

/** Points the AWS SDK at the sandbox through its standard settings. */
export function useSandboxEndpoint(sandbox: SandboxHandle): () => void {
  const saved = { ...process.env };
  // A host name, not an IP: S3 Control prefixes the host with the account id.
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint.replace(
    '127.0.0.1',
    'localhost',
  );
  process.env.AWS_ACCESS_KEY_ID = 'sandbox';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = sandbox.seed.homeRegion;
  return () => {
    process.env = saved;
  };
}

/**
 * S3 Control puts the account id in front of the endpoint's host
 * (`500000000001.localhost`), which no resolver on this machine answers;
 * this agent sends every host to the loopback address, where the sandbox
 * listens. Only the transport differs from production.
 */
const loopbackAgent = new Agent({
  lookup: (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (
        callback as (
          e: null,
          a: Array<{ address: string; family: number }>,
        ) => void
      )(null, [{ address: '127.0.0.1', family: 4 }]);
      return;
    }
    (callback as (e: null, a: string, f: number) => void)(null, '127.0.0.1', 4);
  },
});

/** The plugin's client factory, with the loopback transport. */
export function sandboxClientFactory(
  config: ConfigReader,
  maxAttempts: number,
): AwsClientFactory {
  const base = DefaultAwsClientFactory.fromConfig(config, { maxAttempts });
  return {
    async create(ClientClass, target) {
      const settings: AwsClientSettings & { requestHandler: object } = {
        region: target.region,
        credentials: await base.getCredentials(target),
        retryMode: 'adaptive',
        maxAttempts,
        customUserAgent: 'backstage-aws-accounts-test',
        requestHandler: { httpAgent: loopbackAgent },
      };
      return new ClientClass(settings);
    },
  };
}

/** A collector wired as the plugin wires it, on a test database. */
export async function collectorForSandbox(
  sandbox: SandboxHandle,
  databases: TestDatabases,
  options: {
    mode: 'delegatedAdmin' | 'perAccount';
    databaseId?: 'SQLITE_3' | 'POSTGRES_15';
    concurrency?: number;
    maxAttempts?: number;
    /** Reuse a database, for a second collector with fresh credentials. */
    knex?: Knex;
    logger?: LoggerService;
  },
) {
  const knex =
    options.knex ?? (await databases.init(options.databaseId ?? 'SQLITE_3'));
  await knex.migrate.latest({ directory: migrationsDirectory() });
  const config = new ConfigReader({
    aws: { mainAccount: {} },
    awsAccounts: {
      region: sandbox.seed.homeRegion,
      regions: sandbox.seed.regions,
      securityTooling: {
        accountId: sandbox.seed.delegatedAdminAccountId,
        roleName: 'BackstageSecurityToolingReadRole',
      },
      readRoleName: 'BackstagePostureReadRole',
      maxAttempts: options.maxAttempts ?? 8,
      posture: { mode: options.mode, concurrency: options.concurrency ?? 8 },
    },
  });
  const stores = {
    accounts: AccountStore.create(knex),
    findings: FindingStore.create(knex),
    snapshots: SnapshotStore.create(knex),
    syncState: SyncStateStore.create(knex),
  };
  const accounts = accountsOfSeed(sandbox);
  const collector = PostureCollector.create({
    config: readPostureConfig(config),
    clientFactory: sandboxClientFactory(config, options.maxAttempts ?? 8),
    accountReader: { read: async () => accounts },
    stores,
    logger: options.logger ?? mockServices.logger.mock(),
  });
  return { collector, stores, knex, accounts };
}
