import {
  FindingCriteria,
  GetDetectorCommand,
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { SeverityCounts } from '@sra-backstage/plugin-aws-accounts-common';
import { FindingsReadOptions } from './securityHub';
import { parseGuardDutyFinding } from './parseGuardDutyFinding';
import { prefetchPages } from './prefetchPages';
import { emptySeverityCounts, severityFromGuardDuty } from './severity';
import { StoredFinding } from './StoredFinding';

/** GuardDuty's largest `ListFindings` page. */
export const GUARDDUTY_PAGE_SIZE = 50;

/** The first detector of the caller in the client's Region, if any. */
export async function readDetectorId(
  client: GuardDutyClient,
): Promise<string | undefined> {
  const response = await client.send(new ListDetectorsCommand({}));
  return response.DetectorIds?.[0];
}

/** Whether the caller's own detector is enabled (`GetDetector` Status). */
export async function readDetectorEnabled(
  client: GuardDutyClient,
): Promise<boolean> {
  const detectorId = await readDetectorId(client);
  if (!detectorId) {
    return false;
  }
  const detector = await client.send(
    new GetDetectorCommand({ DetectorId: detectorId }),
  );
  return detector.Status === 'ENABLED';
}

/**
 * The criteria of a GuardDuty findings read: a full read asks for findings
 * that are not archived, an incremental one for everything updated since
 * the last run (so archived findings leave the active set).
 */
export function guardDutyCriteria(
  options: FindingsReadOptions,
): FindingCriteria {
  const criterion: NonNullable<FindingCriteria['Criterion']> = {};
  if (options.updatedSince) {
    criterion.updatedAt = {
      GreaterThanOrEqual: options.updatedSince.getTime(),
    };
  } else {
    criterion['service.archived'] = { Equals: ['false'] };
  }
  if (options.accountIds?.length) {
    criterion.accountId = { Equals: options.accountIds };
  }
  return { Criterion: criterion };
}

/**
 * Pages of GuardDuty findings: each `ListFindings` page's own ids are
 * passed to `GetFindings`, so no finding is fetched twice or missed.
 */
export async function* readGuardDutyFindings(
  client: GuardDutyClient,
  detectorId: string,
  options: FindingsReadOptions,
): AsyncGenerator<StoredFinding[]> {
  const criteria = guardDutyCriteria(options);
  const pages = prefetchPages(
    NextToken =>
      client.send(
        new ListFindingsCommand({
          DetectorId: detectorId,
          FindingCriteria: criteria,
          MaxResults: GUARDDUTY_PAGE_SIZE,
          NextToken,
        }),
      ),
    page => page.NextToken || undefined,
  );
  for await (const page of pages) {
    const FindingIds = page.FindingIds ?? [];
    if (FindingIds.length === 0) continue;
    const details = await client.send(
      new GetFindingsCommand({ DetectorId: detectorId, FindingIds }),
    );
    yield (details.Findings ?? []).flatMap(finding => {
      const parsed = parseGuardDutyFinding(finding, options.region);
      return parsed ? [parsed] : [];
    });
  }
}

/**
 * Active (not archived) findings of one account by severity, from
 * `GetFindingsStatistics` grouped by severity: an aggregation, no listing.
 */
export async function readGuardDutyCounts(
  client: GuardDutyClient,
  detectorId: string,
  accountId: string,
): Promise<SeverityCounts> {
  const response = await client.send(
    new GetFindingsStatisticsCommand({
      DetectorId: detectorId,
      GroupBy: 'SEVERITY',
      MaxResults: 100,
      FindingCriteria: {
        Criterion: {
          accountId: { Equals: [accountId] },
          'service.archived': { Equals: ['false'] },
        },
      },
    }),
  );

  const counts = emptySeverityCounts();
  const statistics = response.FindingStatistics;
  if (statistics?.GroupedBySeverity) {
    for (const group of statistics.GroupedBySeverity) {
      counts[severityFromGuardDuty(group.Severity)] += group.TotalFindings ?? 0;
    }
  } else {
    for (const [severity, count] of Object.entries(
      statistics?.CountBySeverity ?? {},
    )) {
      counts[severityFromGuardDuty(Number(severity))] += count;
    }
  }
  return counts;
}
