import {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isAwsAccountId } from '@sra-backstage/plugin-aws-accounts-common';
import { AwsClientFactory, DefaultAwsClientFactory } from '../AwsClientFactory';
import { matchAccount } from './matchAccount';
import { matchOrganizationalUnit } from './matchOrganizationalUnit';
import {
  AwsAccountQuery,
  OrganizationReader,
  ReadOrganizationOptions,
} from './OrganizationReader';
import { OrganizationReadRun } from './OrganizationReadRun';
import { RequestPacer } from './RequestPacer';
import {
  AwsAccount,
  AwsOrganization,
  AwsOrganizationalUnit,
  AwsOrganizationRoot,
  OrganizationSnapshot,
} from './types';

/**
 * Organizations allows a few requests per second per account for most
 * operations; these defaults stay below that with room for the other
 * plugins that call it from the same account.
 */
const DEFAULT_REQUESTS_PER_SECOND = 8;
const DEFAULT_MAX_CONCURRENCY = 4;
const DEFAULT_REGION = 'us-east-1';
/** The largest page ListAccountsForParent and ListOrganizationalUnitsForParent serve. */
const PAGE_SIZE = 20;

/** @public */
export interface DefaultOrganizationReaderOptions {
  /** The Organizations client, or how to build it on the first read. */
  client: OrganizationsClient | (() => Promise<OrganizationsClient>);
  /**
   * Who the calls run as, for error messages, for example
   * `role arn:aws:iam::111111111111:role/OrganizationsReadRole`.
   */
  principal?: string;
  /** Organizations requests in flight at once; defaults to 4. */
  maxConcurrency?: number;
  /** Organizations requests started per second; defaults to 8. */
  requestsPerSecond?: number;
}

/** @public */
export interface DefaultOrganizationReaderConfigOptions {
  clientFactory?: AwsClientFactory;
  maxConcurrency?: number;
  requestsPerSecond?: number;
}

interface ParentNode {
  id: string;
  path: string;
}

/**
 * Reads an organization with the SDK's paginators: the unit tree once,
 * breadth-first from the root (ListOrganizationalUnitsForParent), the
 * accounts of each parent (ListAccountsForParent, which gives each account its
 * unit path without ListParents), then each account's tags
 * (ListTagsForResource). All requests go through one pacer that keeps the run
 * within the Organizations quota; throttling that slips through
 * (`TooManyRequestsException`, HTTP 400) is classified as throttling by the
 * SDK and retried with backoff.
 *
 * @public
 */
export class DefaultOrganizationReader implements OrganizationReader {
  /**
   * Reads `awsAccounts.region` and `awsAccounts.organization` (`accountId`,
   * `roleName`); without an account id the main account's credentials are
   * used.
   */
  static fromConfig(
    config: Config,
    options?: DefaultOrganizationReaderConfigOptions,
  ): DefaultOrganizationReader {
    const region =
      config.getOptionalString('awsAccounts.region') ?? DEFAULT_REGION;
    const accountId = config.getOptionalString(
      'awsAccounts.organization.accountId',
    );
    const roleName = config.getOptionalString(
      'awsAccounts.organization.roleName',
    );
    if (accountId !== undefined && !isAwsAccountId(accountId)) {
      throw new InputError(
        `awsAccounts.organization.accountId must be the 12-digit id of the management account or of an Organizations delegated administrator, got '${accountId}'`,
      );
    }
    if (roleName !== undefined && accountId === undefined) {
      throw new InputError(
        `awsAccounts.organization.roleName '${roleName}' needs awsAccounts.organization.accountId: set the id of the account that holds the role`,
      );
    }

    const clientFactory =
      options?.clientFactory ?? DefaultAwsClientFactory.fromConfig(config);
    let principal = 'the aws.mainAccount credentials';
    if (accountId && roleName) {
      principal = `role arn:aws:iam::${accountId}:role/${roleName}`;
    } else if (accountId) {
      principal = `the credentials configured for account ${accountId} in aws.accounts`;
    }

    return new DefaultOrganizationReader({
      client: () =>
        clientFactory.create(OrganizationsClient, {
          accountId,
          roleName,
          region,
        }),
      principal,
      maxConcurrency: options?.maxConcurrency,
      requestsPerSecond: options?.requestsPerSecond,
    });
  }

  static create(
    options: DefaultOrganizationReaderOptions,
  ): DefaultOrganizationReader {
    return new DefaultOrganizationReader(options);
  }

  readonly #clientSource: DefaultOrganizationReaderOptions['client'];
  readonly #principal: string;
  readonly #pacer: RequestPacer;
  #client?: Promise<OrganizationsClient>;

  private constructor(options: DefaultOrganizationReaderOptions) {
    this.#clientSource = options.client;
    this.#principal = options.principal ?? 'the configured credentials';
    this.#pacer = RequestPacer.create({
      maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
      requestsPerSecond:
        options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
    });
  }

  async readOrganization(
    options?: ReadOrganizationOptions,
  ): Promise<OrganizationSnapshot> {
    const run = this.#newRun(options?.signal);
    const client = await this.#getClient();

    const organization = await this.#describeOrganization(client, run);
    const root = await this.#readRoot(client, run);
    const { organizationalUnits, accounts } = await this.#readTree(
      client,
      run,
      root,
      { withAccounts: true },
    );

    if (options?.includeTags ?? true) {
      const knownTags = options?.knownTags;
      const unknown = accounts.filter(account => {
        const known = knownTags?.get(account.id);
        if (known) account.tags = { ...known };
        return !known;
      });
      await run.settleAll(unknown, async account => {
        account.tags = await this.#readTags(client, run, account.id);
      });
    }

    return {
      organization,
      root,
      organizationalUnits,
      accounts,
      statistics: run.statistics(),
    };
  }

  async findOrganizationalUnit(
    reference: string,
  ): Promise<AwsOrganizationalUnit | undefined> {
    const run = this.#newRun();
    const client = await this.#getClient();
    const root = await this.#readRoot(client, run);
    const { organizationalUnits } = await this.#readTree(client, run, root, {
      withAccounts: false,
    });
    return matchOrganizationalUnit(root, organizationalUnits, reference);
  }

  async findAccount(query: AwsAccountQuery): Promise<AwsAccount | undefined> {
    const { accounts } = await this.readOrganization({ includeTags: false });
    return matchAccount(accounts, query);
  }

  #newRun(signal?: AbortSignal): OrganizationReadRun {
    return new OrganizationReadRun({
      pacer: this.#pacer,
      principal: this.#principal,
      signal,
    });
  }

  #getClient(): Promise<OrganizationsClient> {
    if (!this.#client) {
      const source = this.#clientSource;
      this.#client =
        typeof source === 'function' ? source() : Promise.resolve(source);
      // A failed construction is retried on the next read.
      this.#client.catch(() => {
        this.#client = undefined;
      });
    }
    return this.#client;
  }

  async #describeOrganization(
    client: OrganizationsClient,
    run: OrganizationReadRun,
  ): Promise<AwsOrganization> {
    const context = { subject: 'describe the organization' };
    const output = await run.send('DescribeOrganization', context, () =>
      client.send(new DescribeOrganizationCommand({})),
    );

    const organization = output.Organization;
    if (
      !organization?.Id ||
      !organization.Arn ||
      !organization.MasterAccountId
    ) {
      throw run.failure('DescribeOrganization', context);
    }
    return {
      id: organization.Id,
      arn: organization.Arn,
      managementAccountId: organization.MasterAccountId,
      managementAccountEmail: organization.MasterAccountEmail,
      featureSet: organization.FeatureSet,
    };
  }

  async #readRoot(
    client: OrganizationsClient,
    run: OrganizationReadRun,
  ): Promise<AwsOrganizationRoot> {
    const context = { subject: 'list the roots of the organization' };
    const pages = await run.readPages(
      'ListRoots',
      context,
      paginateListRoots({ client }, {}),
    );

    const root = pages.flatMap(page => page.Roots ?? [])[0];
    if (!root?.Id || !root.Arn) {
      throw run.failure('ListRoots', context);
    }
    return { id: root.Id, arn: root.Arn, name: root.Name ?? 'Root' };
  }

  /**
   * The unit tree level by level from the root, then the accounts of every
   * parent (root and units) at once.
   */
  async #readTree(
    client: OrganizationsClient,
    run: OrganizationReadRun,
    root: AwsOrganizationRoot,
    options: { withAccounts: boolean },
  ): Promise<{
    organizationalUnits: AwsOrganizationalUnit[];
    accounts: AwsAccount[];
  }> {
    const rootNode: ParentNode = { id: root.id, path: root.name };
    const organizationalUnits: AwsOrganizationalUnit[] = [];

    let level: ParentNode[] = [rootNode];
    while (level.length > 0) {
      const children = await run.settleAll(level, parent =>
        this.#readChildUnits(client, run, parent),
      );
      const units = children.flat();
      organizationalUnits.push(...units);
      level = units;
    }

    if (!options.withAccounts) {
      return { organizationalUnits, accounts: [] };
    }
    const parents: ParentNode[] = [rootNode, ...organizationalUnits];
    const accounts = await run.settleAll(parents, parent =>
      this.#readChildAccounts(client, run, parent),
    );
    return { organizationalUnits, accounts: accounts.flat() };
  }

  async #readChildUnits(
    client: OrganizationsClient,
    run: OrganizationReadRun,
    parent: ParentNode,
  ): Promise<AwsOrganizationalUnit[]> {
    const context = {
      subject: `list the organizational units in ${parent.path} (${parent.id})`,
    };
    const pages = await run.readPages(
      'ListOrganizationalUnitsForParent',
      context,
      paginateListOrganizationalUnitsForParent(
        { client, pageSize: PAGE_SIZE },
        { ParentId: parent.id },
      ),
    );

    return pages
      .flatMap(page => page.OrganizationalUnits ?? [])
      .map(unit => {
        if (!unit.Id || !unit.Arn || !unit.Name) {
          throw run.failure('ListOrganizationalUnitsForParent', context);
        }
        return {
          id: unit.Id,
          arn: unit.Arn,
          name: unit.Name,
          path: `${parent.path}/${unit.Name}`,
          parentId: parent.id,
        };
      });
  }

  async #readChildAccounts(
    client: OrganizationsClient,
    run: OrganizationReadRun,
    parent: ParentNode,
  ): Promise<AwsAccount[]> {
    const subject = `list the accounts in ${parent.path} (${parent.id})`;
    const pages = await run.readPages(
      'ListAccountsForParent',
      { subject },
      paginateListAccountsForParent(
        { client, pageSize: PAGE_SIZE },
        { ParentId: parent.id },
      ),
    );

    return pages
      .flatMap(page => page.Accounts ?? [])
      .map(account => {
        const state = account.State ?? account.Status;
        if (
          !account.Id ||
          !account.Arn ||
          account.Name === undefined ||
          account.Email === undefined ||
          !state
        ) {
          throw run.failure('ListAccountsForParent', {
            subject,
            accountId: account.Id,
          });
        }
        return {
          id: account.Id,
          arn: account.Arn,
          name: account.Name,
          email: account.Email,
          state,
          joinedMethod: account.JoinedMethod,
          joinedTimestamp: account.JoinedTimestamp,
          organizationalUnitId: parent.id,
          organizationalUnitPath: parent.path,
        };
      });
  }

  async #readTags(
    client: OrganizationsClient,
    run: OrganizationReadRun,
    accountId: string,
  ): Promise<Record<string, string>> {
    const pages = await run.readPages(
      'ListTagsForResource',
      { subject: `list the tags of account ${accountId}`, accountId },
      paginateListTagsForResource({ client }, { ResourceId: accountId }),
    );

    const tags: Record<string, string> = {};
    for (const tag of pages.flatMap(page => page.Tags ?? [])) {
      if (tag.Key !== undefined) {
        tags[tag.Key] = tag.Value ?? '';
      }
    }
    return tags;
  }
}
