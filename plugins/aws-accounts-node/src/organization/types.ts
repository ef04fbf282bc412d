import {
  AccountJoinedMethod,
  AccountState,
} from '@aws-sdk/client-organizations';

/**
 * The organization as DescribeOrganization returns it.
 *
 * @public
 */
export interface AwsOrganization {
  /** For example `o-sra0example1`. */
  id: string;
  arn: string;
  managementAccountId: string;
  managementAccountEmail?: string;
  /** `ALL` or `CONSOLIDATED_BILLING`. */
  featureSet?: string;
}

/**
 * The root of the organization: the parent of the top-level organizational
 * units and of the accounts outside any organizational unit.
 *
 * @public
 */
export interface AwsOrganizationRoot {
  /** For example `r-sra0`. */
  id: string;
  arn: string;
  /** `Root` unless it was renamed. */
  name: string;
}

/** @public */
export interface AwsOrganizationalUnit {
  /** For example `ou-sra0-prod0001`. */
  id: string;
  arn: string;
  name: string;
  /** Names from the root down to this unit, for example `Root/Workloads/Prod`. */
  path: string;
  /** The id of the parent unit, or of the root for a top-level unit. */
  parentId: string;
}

/**
 * The account's lifecycle state. `State` replaces the older `Status` field of
 * the Organizations API; both are read, `State` first.
 *
 * @public
 */
export type AwsAccountState = AccountState;

/** @public */
export interface AwsAccount {
  /** Twelve digits. */
  id: string;
  arn: string;
  name: string;
  email: string;
  state: AwsAccountState;
  joinedMethod?: AccountJoinedMethod;
  joinedTimestamp?: Date;
  /** The id of the unit that holds the account, or of the root. */
  organizationalUnitId: string;
  /** For example `Root/Workloads/Prod`, or `Root` for an account under the root. */
  organizationalUnitPath: string;
  /**
   * The account's tags by key. Absent when the organization was read with
   * `includeTags: false`.
   */
  tags?: Record<string, string>;
}

/**
 * The Organizations operations the reader calls, by name.
 *
 * @public
 */
export type OrganizationsOperation =
  | 'DescribeOrganization'
  | 'ListRoots'
  | 'ListOrganizationalUnitsForParent'
  | 'ListAccountsForParent'
  | 'ListTagsForResource';

/**
 * What one read cost: calls per operation (one per page), the retries the SDK
 * made on top of them (throttling and transient errors) and the wall time.
 *
 * @public
 */
export interface OrganizationReadStatistics {
  calls: Record<OrganizationsOperation, number>;
  totalCalls: number;
  retries: number;
  durationMs: number;
}

/**
 * Everything one read of the organization returned.
 *
 * @public
 */
export interface OrganizationSnapshot {
  organization: AwsOrganization;
  root: AwsOrganizationRoot;
  /** Breadth-first from the root. */
  organizationalUnits: AwsOrganizationalUnit[];
  /** In the order their units were read, breadth-first from the root. */
  accounts: AwsAccount[];
  statistics: OrganizationReadStatistics;
}
