import { randomUUID } from 'node:crypto';
import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { isError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  AwsAccount,
  DefaultOrganizationReader,
  OrganizationReader,
  OrganizationReadStatistics,
} from '@sra-backstage/plugin-aws-accounts-node';
import {
  AwsAccountsProviderConfig,
  PROVIDER_CONFIG_PATH,
  readAwsAccountsProviderConfig,
} from './AwsAccountsProviderConfig';
import { RefreshRequestDebouncer } from './RefreshRequestDebouncer';
import { AccountEntityProblem, toAccountEntity } from './toAccountEntity';

/** Refresh requests that arrive within this window start one read. */
const REFRESH_REQUEST_DELAY_MS = 2_000;
/** A running read is waited out this many windows before giving up. */
const REFRESH_BUSY_RETRIES = 30;
/** Account ids listed in one log line; the count covers the rest. */
const LOGGED_ACCOUNT_IDS = 20;

/**
 * How a read ended: entities applied, or the last good entities kept
 * because the read failed.
 *
 * @public
 */
export type AwsAccountsRefreshOutcome =
  | {
      status: 'applied';
      organizationId: string;
      accounts: number;
      entities: number;
      excluded: number;
      statistics: OrganizationReadStatistics;
    }
  | { status: 'kept'; reason: string };

/** @public */
export interface AwsAccountsEntityProviderOptions {
  config: AwsAccountsProviderConfig;
  reader: OrganizationReader;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** How long refresh requests are gathered into one read; defaults to 2 s. */
  refreshRequestDelayMs?: number;
}

function describeAccountIds(accounts: AwsAccount[]): string {
  const listed = accounts.slice(0, LOGGED_ACCOUNT_IDS).map(a => a.id);
  const more = accounts.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

/**
 * Emits one Resource entity per account of the AWS organization, read on a
 * schedule and on request. A read that fails changes nothing in the catalog:
 * the entities of the last good read stay.
 *
 * @public
 */
export class AwsAccountsEntityProvider implements EntityProvider {
  /**
   * Builds the provider from `catalog.providers.awsAccounts` and the
   * `awsAccounts` section; undefined when the provider is not configured.
   */
  static fromConfig(
    rootConfig: Config,
    options: {
      logger: LoggerService;
      scheduler: SchedulerService;
      reader?: OrganizationReader;
    },
  ): AwsAccountsEntityProvider | undefined {
    const config = readAwsAccountsProviderConfig(rootConfig);
    if (!config) {
      return undefined;
    }
    const reader =
      options.reader ??
      DefaultOrganizationReader.fromConfig(rootConfig, {
        requestsPerSecond: config.requestsPerSecond,
        maxConcurrency: config.maxConcurrency,
      });
    return new AwsAccountsEntityProvider({ ...options, config, reader });
  }

  static create(
    options: AwsAccountsEntityProviderOptions,
  ): AwsAccountsEntityProvider {
    return new AwsAccountsEntityProvider(options);
  }

  readonly #config: AwsAccountsProviderConfig;
  readonly #reader: OrganizationReader;
  readonly #scheduler: SchedulerService;
  readonly #logger: LoggerService;
  readonly #refreshRequests: RefreshRequestDebouncer;
  #connection?: EntityProviderConnection;
  #running?: Promise<AwsAccountsRefreshOutcome>;
  // Tags of the last good read, by account id. A read that a refresh request
  // started re-reads only the tags of new accounts and of the accounts the
  // requests named; the scheduled reads read every account's tags again.
  #lastTags?: Map<string, Record<string, string>>;
  #requestedAccountIds?: Set<string>;

  private constructor(options: AwsAccountsEntityProviderOptions) {
    this.#config = options.config;
    this.#reader = options.reader;
    this.#scheduler = options.scheduler;
    this.#logger = options.logger.child({ target: this.getProviderName() });
    this.#refreshRequests = new RefreshRequestDebouncer({
      startRead: () => this.#scheduler.triggerTask(this.taskId),
      logger: this.#logger,
      delayMs: options.refreshRequestDelayMs ?? REFRESH_REQUEST_DELAY_MS,
      maxBusyRetries: REFRESH_BUSY_RETRIES,
    });
  }

  getProviderName(): string {
    return 'AwsAccountsEntityProvider';
  }

  /** The id of the scheduled read, for `SchedulerService.triggerTask`. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#scheduler.scheduleTask({
      id: this.taskId,
      ...this.#config.schedule,
      fn: async signal => {
        await this.refresh(signal);
      },
    });
  }

  /**
   * Asks for a read within seconds instead of at the next schedule, for
   * example after an account was vended. Requests close together start one
   * read, and the scheduler runs one read at a time across replicas. That
   * read takes the tags of accounts it already knows from the last read,
   * except those of `accountIds`, so it costs one tag read per new or named
   * account rather than one per account.
   */
  requestRefresh(accountIds: string[] = []): void {
    this.#requestedAccountIds ??= new Set();
    for (const accountId of accountIds) {
      this.#requestedAccountIds.add(accountId);
    }
    this.#refreshRequests.request();
  }

  /** Drops a pending refresh request; for shutdown. */
  stop(): void {
    this.#refreshRequests.stop();
  }

  /**
   * Reads the organization now and applies the entities if the read worked.
   * A call while a read runs joins that read.
   */
  async refresh(signal?: AbortSignal): Promise<AwsAccountsRefreshOutcome> {
    if (!this.#running) {
      this.#running = this.#read(signal).finally(() => {
        this.#running = undefined;
      });
    }
    return this.#running;
  }

  async #read(signal?: AbortSignal): Promise<AwsAccountsRefreshOutcome> {
    const connection = this.#connection;
    if (!connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog yet; add it through the catalog processing extension point`,
      );
    }
    const logger = this.#logger.child({
      taskId: this.taskId,
      taskInstanceId: randomUUID(),
    });

    const requested = this.#requestedAccountIds;
    this.#requestedAccountIds = undefined;
    let knownTags: Map<string, Record<string, string>> | undefined;
    if (requested && this.#lastTags) {
      knownTags = new Map(this.#lastTags);
      for (const accountId of requested) knownTags.delete(accountId);
    }

    let snapshot;
    try {
      snapshot = await this.#reader.readOrganization({ signal, knownTags });
      if (snapshot.accounts.length === 0) {
        throw new Error(
          `AWS Organizations listed no accounts in organization ${snapshot.organization.id}, not even the management account; check that the credentials belong to the management account or an Organizations delegated administrator`,
        );
      }
    } catch (error) {
      const reason = isError(error) ? error.message : String(error);
      logger.error(
        `Kept the AWS account entities of the last good read: ${reason}`,
      );
      return { status: 'kept', reason };
    }

    const included = snapshot.accounts.filter(account =>
      this.#isIncluded(account),
    );
    const problems = new Map<AccountEntityProblem, AwsAccount[]>();
    const entities = [];
    for (const account of included) {
      const result = toAccountEntity(
        account,
        snapshot.organization,
        this.#config,
      );
      for (const problem of result.problems) {
        problems.set(problem, [...(problems.get(problem) ?? []), account]);
      }
      if (result.entity) {
        entities.push({
          entity: result.entity,
          locationKey: `aws-organization:${snapshot.organization.id}`,
        });
      }
    }
    this.#logProblems(logger, problems);

    await connection.applyMutation({ type: 'full', entities });
    this.#lastTags = new Map(
      snapshot.accounts.map(account => [account.id, account.tags ?? {}]),
    );

    const { statistics, organization } = snapshot;
    logger.info(
      `Read ${snapshot.accounts.length} accounts of AWS organization ${organization.id} and emitted ${entities.length} entities`,
      {
        organizationId: organization.id,
        accounts: snapshot.accounts.length,
        organizationalUnits: snapshot.organizationalUnits.length,
        entities: entities.length,
        excluded: snapshot.accounts.length - included.length,
        calls: statistics.totalCalls,
        retries: statistics.retries,
        durationMs: statistics.durationMs,
      },
    );
    return {
      status: 'applied',
      organizationId: organization.id,
      accounts: snapshot.accounts.length,
      entities: entities.length,
      excluded: snapshot.accounts.length - included.length,
      statistics,
    };
  }

  #isIncluded(account: AwsAccount): boolean {
    switch (account.state) {
      case 'SUSPENDED':
        return this.#config.includeSuspended;
      case 'CLOSED':
      case 'PENDING_CLOSURE':
        return this.#config.includeClosed;
      default:
        return true;
    }
  }

  #logProblems(
    logger: LoggerService,
    problems: Map<AccountEntityProblem, AwsAccount[]>,
  ): void {
    const { ownerTag, applicationTag, environmentTag, fallbackOwner } =
      this.#config;
    const messages: Record<AccountEntityProblem, string> = {
      'owner-missing': `have no '${ownerTag}' tag and no fallback owner is set, so they are left out of the catalog; tag them or set ${PROVIDER_CONFIG_PATH}.fallbackOwner`,
      'owner-tag-invalid': fallbackOwner
        ? `have a '${ownerTag}' tag that is not a group name or entity reference, so they are owned by ${fallbackOwner}; fix the tag`
        : `have a '${ownerTag}' tag that is not a group name or entity reference, so they are left out of the catalog; fix the tag or set ${PROVIDER_CONFIG_PATH}.fallbackOwner`,
      'application-tag-invalid': `have an '${applicationTag}' tag that is not a system name, so they have no system; fix the tag`,
      'environment-tag-invalid': `have an '${environmentTag}' tag that cannot be a label value, so the environment comes from the organizational unit; use letters, digits, '-', '_' or '.'`,
    };
    for (const [problem, accounts] of problems) {
      logger.warn(`${accounts.length} AWS accounts ${messages[problem]}`, {
        accountIds: describeAccountIds(accounts),
      });
    }
  }
}
