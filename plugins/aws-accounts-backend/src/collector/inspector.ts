import {
  BatchGetAccountStatusCommand,
  FilterCriteria,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingAggregationsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-inspector2';
import { FindingsReadOptions } from './securityHub';
import { parseInspectorFinding } from './parseInspectorFinding';
import { prefetchPages } from './prefetchPages';
import { StoredFinding } from './StoredFinding';

/** Inspector's largest `ListFindings` page. */
export const INSPECTOR_FINDINGS_PAGE_SIZE = 100;
/** Inspector's largest `ListCoverage` page. */
export const INSPECTOR_COVERAGE_PAGE_SIZE = 200;
/** `BatchGetAccountStatus` takes at most this many account ids. */
export const INSPECTOR_STATUS_BATCH_SIZE = 10;

/**
 * The filter of an Inspector findings read. A full read asks for ACTIVE
 * findings only; an incremental read asks for everything updated since the
 * last run, so findings that were closed or suppressed meanwhile are seen
 * and leave the active set.
 */
export function inspectorFilterCriteria(
  options: FindingsReadOptions,
): FilterCriteria {
  const criteria: FilterCriteria = {};
  if (options.updatedSince) {
    criteria.updatedAt = [
      { startInclusive: options.updatedSince, endInclusive: new Date() },
    ];
  } else {
    criteria.findingStatus = [{ comparison: 'EQUALS', value: 'ACTIVE' }];
  }
  if (options.accountIds?.length) {
    criteria.awsAccountId = options.accountIds.map(accountId => ({
      comparison: 'EQUALS',
      value: accountId,
    }));
  }
  return criteria;
}

/** Pages of Inspector findings. */
export async function* readInspectorFindings(
  client: Inspector2Client,
  options: FindingsReadOptions,
): AsyncGenerator<StoredFinding[]> {
  const filterCriteria = inspectorFilterCriteria(options);
  const pages = prefetchPages(
    nextToken =>
      client.send(
        new ListFindingsCommand({
          filterCriteria,
          maxResults: INSPECTOR_FINDINGS_PAGE_SIZE,
          nextToken,
        }),
      ),
    page => page.nextToken,
  );
  for await (const page of pages) {
    yield (page.findings ?? []).flatMap(finding => {
      const parsed = parseInspectorFinding(finding, options.region);
      return parsed ? [parsed] : [];
    });
  }
}

/**
 * Active findings per account as Inspector aggregates them. It counts only
 * all, critical, high and medium; the rest is `all` minus those three.
 */
export interface InspectorAccountCounts {
  all: number;
  critical: number;
  high: number;
  medium: number;
}

/**
 * One `ListFindingAggregations` (type ACCOUNT) stream gives the counts of
 * every account the caller administers: the cheapest correct count.
 */
export async function readInspectorAccountCounts(
  client: Inspector2Client,
  accountIds?: string[],
): Promise<Map<string, InspectorAccountCounts>> {
  const counts = new Map<string, InspectorAccountCounts>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListFindingAggregationsCommand({
        aggregationType: 'ACCOUNT',
        accountIds: accountIds?.map(accountId => ({
          comparison: 'EQUALS',
          value: accountId,
        })),
        nextToken,
      }),
    );
    for (const response of page.responses ?? []) {
      const account = response.accountAggregation;
      if (!account?.accountId) continue;
      counts.set(account.accountId, {
        all: account.severityCounts?.all ?? 0,
        critical: account.severityCounts?.critical ?? 0,
        high: account.severityCounts?.high ?? 0,
        medium: account.severityCounts?.medium ?? 0,
      });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return counts;
}

/** Inspector scan types that are ENABLED for an account. */
export interface InspectorAccountState {
  ec2?: string;
  ecr?: string;
  lambda?: string;
  /** Set when Inspector could not answer for this account. */
  error?: string;
}

/** `BatchGetAccountStatus` in batches of ten accounts. */
export async function readInspectorAccountStates(
  client: Inspector2Client,
  accountIds: string[],
): Promise<Map<string, InspectorAccountState>> {
  const states = new Map<string, InspectorAccountState>();
  for (let i = 0; i < accountIds.length; i += INSPECTOR_STATUS_BATCH_SIZE) {
    const batch = accountIds.slice(i, i + INSPECTOR_STATUS_BATCH_SIZE);
    const response = await client.send(
      new BatchGetAccountStatusCommand({ accountIds: batch }),
    );
    for (const account of response.accounts ?? []) {
      if (!account.accountId) continue;
      states.set(account.accountId, {
        ec2: account.resourceState?.ec2?.status,
        ecr: account.resourceState?.ecr?.status,
        lambda: account.resourceState?.lambda?.status,
      });
    }
    for (const failed of response.failedAccounts ?? []) {
      if (!failed.accountId) continue;
      states.set(failed.accountId, {
        error: `${failed.errorCode ?? 'error'}: ${failed.errorMessage ?? ''}`,
      });
    }
  }
  return states;
}

/** Resources Inspector covers in an account, in total and by type. */
export interface InspectorCoverage {
  covered: number;
  byResourceType: Record<string, number>;
}

/**
 * `ListCoverage`, 200 resources a page, counted per account and resource
 * type. A delegated administrator reads every member in one stream (a few
 * pages for the whole organization instead of a call per account); only
 * resources whose scan status is ACTIVE count as covered.
 */
export async function readInspectorCoverage(
  client: Inspector2Client,
  accountIds?: string[],
): Promise<Map<string, InspectorCoverage>> {
  const coverage = new Map<string, InspectorCoverage>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListCoverageCommand({
        filterCriteria: accountIds?.length
          ? {
              accountId: accountIds.map(accountId => ({
                comparison: 'EQUALS',
                value: accountId,
              })),
            }
          : undefined,
        maxResults: INSPECTOR_COVERAGE_PAGE_SIZE,
        nextToken,
      }),
    );
    for (const resource of page.coveredResources ?? []) {
      if (resource.scanStatus?.statusCode !== 'ACTIVE' || !resource.accountId) {
        continue;
      }
      const account = coverage.get(resource.accountId) ?? {
        covered: 0,
        byResourceType: {},
      };
      const type = resource.resourceType ?? 'UNKNOWN';
      account.byResourceType[type] = (account.byResourceType[type] ?? 0) + 1;
      account.covered += 1;
      coverage.set(resource.accountId, account);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return coverage;
}
