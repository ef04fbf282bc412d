import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  SeverityCounts,
  SourceError,
} from '@sra-backstage/plugin-aws-accounts-common';
import {
  AwsClientFactory,
  AwsClientSettings,
} from '@sra-backstage/plugin-aws-accounts-node';
import { AccountReader } from '../catalog/CatalogAccountReader';
import { PostureConfig } from '../config/readPostureConfig';
import { AccountRecord, AccountStore } from '../database/AccountStore';
import { FindingStore } from '../database/FindingStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { ORGANIZATION_SCOPE, SyncStateStore } from '../database/SyncStateStore';
import { attempt } from './attempt';
import { checksDecidedBySecurityHub } from './baseline/evaluateBaseline';
import { CallCounter } from './CallCounter';
import { composeSnapshot } from './composeSnapshot';
import { readGuardDutyCounts } from './guardDuty';
import { mapWithConcurrency } from './mapWithConcurrency';
import { readAccountSources } from './readAccountSources';
import {
  FindingsSourcesResult,
  readFindingsSources,
} from './readFindingsSources';
import { ScopedClients } from './ScopedClients';

/** The stores the collector writes. */
export interface PostureStores {
  accounts: AccountStore;
  findings: FindingStore;
  snapshots: SnapshotStore;
  syncState: SyncStateStore;
}

/** What one collection run did and cost. */
export interface CollectionReport {
  accounts: number;
  /** Accounts with no readable source, or whose read role failed. */
  unreadable: number;
  durationMs: number;
  totalCalls: number;
  /** AWS calls per `service:Operation`. */
  calls: Record<string, number>;
  /** How each findings source was read: full or incremental. */
  syncs: Array<{
    source: string;
    region: string;
    kind: string;
    stored: number;
  }>;
}

const NOT_COLLECTED_STATUSES = new Set([
  'SUSPENDED',
  'CLOSED',
  'PENDING_CLOSURE',
]);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Collects the posture of every account the catalog knows: findings
 * sources into the store (incrementally after the first run), then one
 * snapshot per account. One account's failure touches only that account.
 */
export class PostureCollector {
  static create(options: {
    config: PostureConfig;
    clientFactory: AwsClientFactory;
    accountReader: AccountReader;
    stores: PostureStores;
    logger: LoggerService;
  }): PostureCollector {
    return new PostureCollector(options);
  }

  readonly #config: PostureConfig;
  readonly #clientFactory: AwsClientFactory;
  readonly #accountReader: AccountReader;
  readonly #stores: PostureStores;
  readonly #logger: LoggerService;

  private constructor(options: {
    config: PostureConfig;
    clientFactory: AwsClientFactory;
    accountReader: AccountReader;
    stores: PostureStores;
    logger: LoggerService;
  }) {
    this.#config = options.config;
    this.#clientFactory = options.clientFactory;
    this.#accountReader = options.accountReader;
    this.#stores = options.stores;
    this.#logger = options.logger;
  }

  /**
   * A full collection run over every account; the scheduled task. When
   * `signal` aborts (the backend stops, or the task times out) no further
   * account is started and the run rejects.
   */
  async collectAll(options?: {
    signal?: AbortSignal;
  }): Promise<CollectionReport> {
    const signal = options?.signal;
    const startedAt = Date.now();
    const logger = this.#logger.child({
      run: new Date(startedAt).toISOString(),
    });

    const accounts = await this.#accountReader.read();
    await this.#stores.accounts.replaceAll(
      accounts,
      new Date(startedAt).toISOString(),
    );
    const collectable = accounts.filter(
      account => !NOT_COLLECTED_STATUSES.has(account.status ?? ''),
    );
    logger.info('Posture collection started', {
      accounts: collectable.length,
      skipped: accounts.length - collectable.length,
      mode: this.#config.mode,
    });

    const counter = CallCounter.create();
    const report = await this.#collect(
      collectable,
      counter,
      ORGANIZATION_SCOPE,
      signal,
    );
    await this.#expireOldData();

    const finished = { ...report, durationMs: Date.now() - startedAt };
    logger.info('Posture collection finished', {
      accounts: finished.accounts,
      unreadable: finished.unreadable,
      durationMs: finished.durationMs,
      totalCalls: finished.totalCalls,
      calls: finished.calls,
    });
    return finished;
  }

  /** Collects one account now, as `POST /accounts/:accountId/refresh` asks. */
  async collectAccount(accountId: string): Promise<CollectionReport> {
    const startedAt = Date.now();
    const account = await this.#stores.accounts.get(accountId);
    if (!account) {
      throw new NotFoundError(`No AWS account ${accountId} in the catalog`);
    }
    const counter = CallCounter.create();
    const report = await this.#collect([account], counter, accountId);
    const finished = { ...report, durationMs: Date.now() - startedAt };
    this.#logger.info('Posture refresh finished', {
      accountId,
      durationMs: finished.durationMs,
      totalCalls: finished.totalCalls,
      calls: finished.calls,
    });
    return finished;
  }

  async #collect(
    accounts: AccountRecord[],
    counter: CallCounter,
    scope: string,
    signal?: AbortSignal,
  ): Promise<Omit<CollectionReport, 'durationMs'>> {
    const delegated = this.#config.mode === 'delegatedAdmin';
    const securityTooling = this.#clientsFor(
      counter,
      this.#config.securityTooling?.accountId,
      this.#config.securityTooling?.roleName,
    );
    const syncs: CollectionReport['syncs'] = [];

    let shared: FindingsSourcesResult | undefined;
    if (delegated && accounts.length > 0) {
      shared = await readFindingsSources(
        {
          scope,
          clients: securityTooling,
          regions: this.#config.regions,
          accountIds: accounts.map(account => account.accountId),
          filterAccounts: scope !== ORGANIZATION_SCOPE,
          overlapMs: this.#config.overlapMinutes * 60_000,
        },
        this.#stores,
      );
      syncs.push(...shared.syncs);
    }
    signal?.throwIfAborted();

    const outcomes = await mapWithConcurrency(
      accounts,
      this.#config.concurrency,
      async account => {
        try {
          return await this.#collectOne(
            account,
            counter,
            shared,
            securityTooling,
            syncs,
          );
        } catch (error) {
          // The stores failed, not AWS: the other accounts go on.
          this.#logger.error('Posture collection of an account failed', {
            accountId: account.accountId,
            error: error instanceof Error ? error.message : String(error),
          });
          return false;
        }
      },
      signal,
    );

    return {
      accounts: accounts.length,
      unreadable: outcomes.filter(readable => !readable).length,
      totalCalls: counter.total(),
      calls: counter.counts(),
      syncs,
    };
  }

  /** Collects one account; true when its read role worked. */
  async #collectOne(
    account: AccountRecord,
    counter: CallCounter,
    shared: FindingsSourcesResult | undefined,
    securityTooling: ScopedClients,
    syncs: CollectionReport['syncs'],
  ): Promise<boolean> {
    const { accountId } = account;
    const { regions, homeRegion, readRoleName } = this.#config;
    const accountClients = this.#clientsFor(counter, accountId, readRoleName);
    const findingsClients = shared ? securityTooling : accountClients;

    let findingsSources = shared;
    if (!findingsSources) {
      findingsSources = await readFindingsSources(
        {
          scope: accountId,
          clients: accountClients,
          regions,
          accountIds: [accountId],
          filterAccounts: true,
          overlapMs: this.#config.overlapMinutes * 60_000,
        },
        this.#stores,
      );
      syncs.push(...findingsSources.syncs);
    }

    const securityHubRead = !findingsSources.errors.some(
      error => error.source === 'securityhub',
    );
    const accountSources = await readAccountSources({
      accountId,
      roleName: readRoleName,
      homeRegion,
      regions,
      clients: accountClients,
      decidedBySecurityHub: securityHubRead
        ? checksDecidedBySecurityHub(
            await this.#stores.findings.controlFindings(accountId),
            regions,
          )
        : undefined,
    });

    const errors: SourceError[] = [];
    const guardDutyCounts = new Map<string, SeverityCounts>();
    for (const region of regions) {
      const detectorId = findingsSources.guardDutyDetectors.get(region);
      if (detectorId) {
        const counts = await attempt(
          errors,
          'guardduty',
          region,
          `Counting GuardDuty findings in ${region}`,
          async () =>
            readGuardDutyCounts(
              await findingsClients(GuardDutyClient, 'guardduty', region),
              detectorId,
              accountId,
            ),
        );
        if (counts) guardDutyCounts.set(region, counts);
      }
    }

    const collectedAt = new Date().toISOString();
    const { snapshot, complete } = await composeSnapshot(
      {
        accountId,
        regions,
        homeRegion,
        collectedAt,
        findingsSources,
        accountSources,
        guardDutyCounts,
        errors,
      },
      this.#stores.findings,
    );
    await this.#stores.snapshots.insert(snapshot, complete);

    const unreadable = !complete || accountSources.roleError !== undefined;
    await this.#stores.accounts.setReadError(
      accountId,
      unreadable
        ? {
            reason:
              accountSources.roleError ??
              snapshot.errors[0]?.reason ??
              'no source could be read',
            at: collectedAt,
          }
        : undefined,
    );
    if (snapshot.errors.length > 0) {
      this.#logger.warn(
        'Some posture sources of an account could not be read',
        {
          accountId,
          errors: snapshot.errors.length,
          firstError: snapshot.errors[0].reason,
        },
      );
    }
    return !unreadable;
  }

  #clientsFor(
    counter: CallCounter,
    accountId: string | undefined,
    roleName: string | undefined,
  ): ScopedClients {
    const cache = new Map<string, unknown>();
    return async <TClient>(
      clientClass: new (settings: AwsClientSettings) => TClient,
      service: string,
      region: string,
    ): Promise<TClient> => {
      const key = `${service}/${region}`;
      const cached = cache.get(key);
      if (cached) {
        return cached as TClient;
      }
      const client = counter.attach(
        await this.#clientFactory.create(clientClass, {
          accountId,
          region,
          roleName,
        }),
        service,
      );
      cache.set(key, client);
      return client;
    };
  }

  async #expireOldData(): Promise<void> {
    const before = new Date(
      Date.now() - this.#config.retentionDays * DAY_MS,
    ).toISOString();
    const snapshots = await this.#stores.snapshots.deleteBefore(before);
    const findings = await this.#stores.findings.deleteInactiveBefore(before);
    if (snapshots + findings > 0) {
      this.#logger.info('Expired posture data removed', {
        snapshots,
        findings,
      });
    }
  }
}
