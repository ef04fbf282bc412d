import {
  AwsAccount,
  AwsOrganizationalUnit,
  OrganizationSnapshot,
} from './types';

/** @public */
export interface ReadOrganizationOptions {
  /**
   * Read each account's tags, one ListTagsForResource call per account.
   * Defaults to true; lookups that need no tags save those calls.
   */
  includeTags?: boolean;
  /**
   * Tags already known, by account id (for example from the last full read):
   * those accounts take their tags from here and only the others are read.
   * A refresh right after vending uses it to read one account's tags
   * instead of every account's.
   */
  knownTags?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /**
   * Stops the read: requests not yet sent are dropped and the read rejects.
   * Pass the scheduler's signal so a timed-out or shut-down run stops.
   */
  signal?: AbortSignal;
}

/**
 * One way to name an account: by id, by name (case-insensitive) or by email
 * address (case-insensitive).
 *
 * @public
 */
export type AwsAccountQuery =
  | { id: string }
  | { name: string }
  | { email: string };

/**
 * Reads an AWS organization: the organization, its root, the tree of
 * organizational units and the accounts in it with their tags. Every read
 * starts afresh; nothing is cached between calls.
 *
 * @public
 */
export interface OrganizationReader {
  /**
   * Reads the whole organization. Throws an `OrganizationReadError` when any
   * call fails after the SDK's retries: the result is complete or absent.
   */
  readOrganization(
    options?: ReadOrganizationOptions,
  ): Promise<OrganizationSnapshot>;

  /**
   * Finds an organizational unit by id (`ou-...`) or by path from the root
   * (`Root/Workloads/Prod`, or `Workloads/Prod`; case-insensitive). Reads the
   * tree of units only, not the accounts.
   */
  findOrganizationalUnit(
    reference: string,
  ): Promise<AwsOrganizationalUnit | undefined>;

  /** Finds an account by id, name or email address; tags are not read. */
  findAccount(query: AwsAccountQuery): Promise<AwsAccount | undefined>;
}
