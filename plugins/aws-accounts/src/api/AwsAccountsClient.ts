import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import { AccountsQuery, AwsAccountsApi } from './AwsAccountsApi';
import { findingsQueryParams } from './findingsQueryParams';

/**
 * The {@link AwsAccountsApi} over HTTP, through the app's discovery and
 * fetch APIs so that the user's token goes with every request.
 *
 * @public
 */
export class AwsAccountsClient implements AwsAccountsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listAccounts(query: AccountsQuery = {}): Promise<AccountSummary[]> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value) {
        params.set(name, value);
      }
    }
    return this.get<AccountSummary[]>('/accounts', params);
  }

  async getPosture(accountId: string): Promise<PostureSnapshot> {
    return this.get(`/accounts/${encodeURIComponent(accountId)}/posture`);
  }

  async getHistory(accountId: string): Promise<HistoryPoint[]> {
    return this.get(`/accounts/${encodeURIComponent(accountId)}/history`);
  }

  async listFindings(
    accountId: string,
    query: FindingsQuery = {},
  ): Promise<FindingsPage> {
    return this.get(
      `/accounts/${encodeURIComponent(accountId)}/findings`,
      findingsQueryParams(query),
    );
  }

  async getFinding(accountId: string, findingId: string): Promise<Finding> {
    return this.get(
      `/accounts/${encodeURIComponent(accountId)}/findings/${encodeURIComponent(
        findingId,
      )}`,
    );
  }

  async refreshPosture(accountId: string): Promise<void> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-accounts');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/accounts/${encodeURIComponent(accountId)}/refresh`,
      { method: 'POST' },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  async getOrganizationSummary(): Promise<OrganizationSummary> {
    return this.get('/organization/summary');
  }

  async listOrganizationalUnits(
    options: { parent?: string } = {},
  ): Promise<OrganizationalUnitSummary[]> {
    const params = new URLSearchParams();
    if (options.parent) {
      params.set('parent', options.parent);
    }
    return this.get('/organizational-units', params);
  }

  async listServiceCatalogProducts(): Promise<ServiceCatalogProductSummary[]> {
    return this.get('/service-catalog/products');
  }

  private async get<T>(path: string, params?: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-accounts');
    const queryString = params?.toString();
    const query = queryString ? `?${queryString}` : '';
    const response = await this.fetchApi.fetch(`${baseUrl}${path}${query}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
