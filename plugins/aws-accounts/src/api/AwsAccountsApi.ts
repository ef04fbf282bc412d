import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  AccountSummary,
  Finding,
  FindingsPage,
  FindingsQuery,
  HistoryPoint,
  OrganizationalUnitSummary,
  OrganizationSummary,
  PostureSnapshot,
  ServiceCatalogProductSummary,
} from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Filters of the organization page's account list.
 *
 * @public
 */
export interface AccountsQuery {
  /** An organizational unit id or path. */
  ou?: string;
  /** An owner entity reference or owner tag. */
  owner?: string;
  environment?: string;
}

/**
 * The posture service (`/api/aws-accounts`) as the frontend sees it. Every
 * method rejects with a `ResponseError` from `@backstage/errors` when the
 * service answers with an error; a 404 means the account is unknown or the
 * user may not read it, which the service does not tell apart on purpose.
 *
 * @public
 */
export interface AwsAccountsApi {
  listAccounts(query?: AccountsQuery): Promise<AccountSummary[]>;
  getPosture(accountId: string): Promise<PostureSnapshot>;
  getHistory(accountId: string): Promise<HistoryPoint[]>;
  listFindings(accountId: string, query?: FindingsQuery): Promise<FindingsPage>;
  getFinding(accountId: string, findingId: string): Promise<Finding>;
  /** Asks for a collection now; resolves once the service accepted it. */
  refreshPosture(accountId: string): Promise<void>;
  getOrganizationSummary(): Promise<OrganizationSummary>;
  listOrganizationalUnits(options?: {
    parent?: string;
  }): Promise<OrganizationalUnitSummary[]>;
  listServiceCatalogProducts(): Promise<ServiceCatalogProductSummary[]>;
}

/**
 * Reference to the {@link AwsAccountsApi}.
 *
 * @public
 */
export const awsAccountsApiRef = createApiRef<AwsAccountsApi>().with({
  id: 'plugin.aws-accounts.api',
  pluginId: 'aws-accounts',
});
