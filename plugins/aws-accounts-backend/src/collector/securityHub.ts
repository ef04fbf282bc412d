import {
  AwsSecurityFindingFilters,
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { parseSecurityHubFinding } from './parseSecurityHubFinding';
import { prefetchPages } from './prefetchPages';
import { StoredFinding } from './StoredFinding';

/** Security Hub's largest `GetFindings` page. */
export const SECURITY_HUB_PAGE_SIZE = 100;

/** How a findings read is narrowed. */
export interface FindingsReadOptions {
  /** The Region called; findings keep their own Region. */
  region: string;
  /** Only these accounts; all the caller can see when left out. */
  accountIds?: string[];
  /**
   * Only findings updated at or after this time (incremental run). Without
   * it only active findings are read (full run).
   */
  updatedSince?: Date;
}

/**
 * The filters of a Security Hub findings read. On purpose there is no
 * `ComplianceStatus` filter: GuardDuty, Inspector and other product
 * findings have no compliance status and such a filter would drop them. An
 * incremental read has no `RecordState` filter either, so that findings
 * archived since the last run are seen and leave the active set.
 */
export function securityHubFilters(
  options: FindingsReadOptions,
): AwsSecurityFindingFilters {
  const filters: AwsSecurityFindingFilters = {};
  if (options.updatedSince) {
    filters.UpdatedAt = [
      {
        Start: options.updatedSince.toISOString(),
        End: new Date().toISOString(),
      },
    ];
  } else {
    filters.RecordState = [{ Value: 'ACTIVE', Comparison: 'EQUALS' }];
  }
  if (options.accountIds?.length) {
    filters.AwsAccountId = options.accountIds.map(accountId => ({
      Value: accountId,
      Comparison: 'EQUALS',
    }));
  }
  return filters;
}

/** Pages of Security Hub findings (product and control findings alike). */
export async function* readSecurityHubFindings(
  client: SecurityHubClient,
  options: FindingsReadOptions,
): AsyncGenerator<StoredFinding[]> {
  const Filters = securityHubFilters(options);
  const pages = prefetchPages(
    NextToken =>
      client.send(
        new GetFindingsCommand({
          Filters,
          MaxResults: SECURITY_HUB_PAGE_SIZE,
          NextToken,
        }),
      ),
    page => page.NextToken,
  );
  for await (const page of pages) {
    yield (page.Findings ?? []).flatMap(finding => {
      const parsed = parseSecurityHubFinding(finding, options.region);
      return parsed ? [parsed] : [];
    });
  }
}

/** Whether Security Hub is on in the account and Region, and its standards. */
export interface SecurityHubStatus {
  enabled: boolean;
  /** Standards in READY state, by ARN. */
  readyStandards: string[];
  /** Whether AWS Foundational Security Best Practices is READY. */
  fsbpReady: boolean;
}

function isNotSubscribed(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'InvalidAccessException' ||
      /not subscribed/i.test(error.message))
  );
}

/**
 * Reads `DescribeHub` and `GetEnabledStandards` with the account's own
 * credentials. "Not subscribed" is a real answer (off); any other error is
 * thrown for the caller to turn into UNKNOWN.
 */
export async function readSecurityHubStatus(
  client: SecurityHubClient,
): Promise<SecurityHubStatus> {
  try {
    await client.send(new DescribeHubCommand({}));
  } catch (error) {
    if (isNotSubscribed(error)) {
      return { enabled: false, readyStandards: [], fsbpReady: false };
    }
    throw error;
  }

  const readyStandards: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new GetEnabledStandardsCommand({ NextToken }),
    );
    for (const subscription of page.StandardsSubscriptions ?? []) {
      if (
        subscription.StandardsStatus === 'READY' &&
        subscription.StandardsArn
      ) {
        readyStandards.push(subscription.StandardsArn);
      }
    }
    NextToken = page.NextToken;
  } while (NextToken);

  return {
    enabled: true,
    readyStandards,
    fsbpReady: readyStandards.some(arn =>
      arn.includes('aws-foundational-security-best-practices'),
    ),
  };
}
