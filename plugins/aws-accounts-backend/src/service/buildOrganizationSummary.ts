import {
  AccountSummary,
  OrganizationSummary,
  PostureRollup,
  PostureTrendPoint,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { SnapshotHeadline } from '../database/SnapshotStore';

function emptyCounts(): SeverityCounts {
  return {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
  };
}

function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

function rollup(key: string, summaries: AccountSummary[]): PostureRollup {
  const findings = emptyCounts();
  for (const summary of summaries) {
    for (const severity of Object.keys(findings) as Array<
      keyof SeverityCounts
    >) {
      findings[severity] += summary.findings?.[severity] ?? 0;
    }
  }
  return {
    key,
    accounts: summaries.length,
    averageScore: average(
      summaries.flatMap(summary =>
        summary.score === null ? [] : [summary.score],
      ),
    ),
    findings,
    failingChecks: summaries.reduce(
      (total, summary) => total + summary.failingChecks,
      0,
    ),
  };
}

function groupBy(
  summaries: AccountSummary[],
  keyOf: (summary: AccountSummary) => string,
): PostureRollup[] {
  const groups = new Map<string, AccountSummary[]>();
  for (const summary of summaries) {
    const key = keyOf(summary);
    groups.set(key, [...(groups.get(key) ?? []), summary]);
  }
  return [...groups.entries()]
    .map(([key, members]) => rollup(key, members))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * A daily trend: for each day, every account's last snapshot of that day;
 * the average of their scores and the sum of their critical findings.
 */
function trendOf(
  headlines: SnapshotHeadline[],
  readable: Set<string>,
): PostureTrendPoint[] {
  const byDay = new Map<string, Map<string, SnapshotHeadline>>();
  for (const headline of headlines) {
    if (!readable.has(headline.accountId)) continue;
    const day = headline.collectedAt.slice(0, 10);
    const accounts = byDay.get(day) ?? new Map<string, SnapshotHeadline>();
    accounts.set(headline.accountId, headline);
    byDay.set(day, accounts);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, accounts]) => {
      const latest = [...accounts.values()];
      return {
        date,
        averageScore: average(
          latest.flatMap(h => (h.score === null ? [] : [h.score])),
        ),
        critical: latest.reduce(
          (total, h) => total + (h.criticalFindings ?? 0),
          0,
        ),
      };
    });
}

/** `GET /organization/summary` over the accounts the caller may read. */
export function buildOrganizationSummary(
  summaries: AccountSummary[],
  headlines: SnapshotHeadline[],
): OrganizationSummary {
  const all = rollup('all', summaries);
  return {
    accounts: summaries.length,
    averageScore: all.averageScore,
    findings: all.findings,
    byOrganizationalUnit: groupBy(
      summaries,
      summary => summary.organizationalUnitPath ?? 'unknown',
    ),
    byEnvironment: groupBy(
      summaries,
      summary => summary.environment ?? 'unknown',
    ),
    trend: trendOf(headlines, new Set(summaries.map(s => s.accountId))),
    unreadable: summaries.flatMap(summary =>
      summary.readError
        ? [
            {
              accountId: summary.accountId,
              name: summary.name,
              reason: summary.readError.reason,
              since: summary.readError.since,
            },
          ]
        : [],
    ),
  };
}
