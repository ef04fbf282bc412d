import {
  AccountStatus,
  AccountSummary,
  PostureSnapshot,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AccountRecord } from '../database/AccountStore';

function sum(counts: Array<SeverityCounts | null>): SeverityCounts | null {
  const read = counts.filter((c): c is SeverityCounts => c !== null);
  if (read.length === 0) {
    return null;
  }
  const total: SeverityCounts = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
  };
  for (const count of read) {
    for (const key of Object.keys(total) as Array<keyof SeverityCounts>) {
      total[key] += count[key];
    }
  }
  return total;
}

/**
 * The findings an account summary shows: Security Hub's active findings
 * when it was read (it already aggregates GuardDuty, Inspector and the
 * failed controls, so adding those again would count twice), otherwise
 * GuardDuty and Inspector together; null when none was read.
 */
export function summaryFindings(
  snapshot: PostureSnapshot,
): SeverityCounts | null {
  if (snapshot.findings.securityhub) {
    return snapshot.findings.securityhub;
  }
  return sum([snapshot.findings.guardduty, snapshot.findings.inspector]);
}

/** One row of `GET /accounts`. */
export function buildAccountSummary(
  account: AccountRecord,
  snapshot: PostureSnapshot | undefined,
): AccountSummary {
  return {
    accountId: account.accountId,
    name: account.name,
    organizationalUnitPath: account.organizationalUnitPath,
    environment: account.environment,
    owner: account.owner,
    application: account.application,
    entityRef: account.entityRef,
    status: account.status as AccountStatus | undefined,
    score: snapshot?.score ?? null,
    findings: snapshot ? summaryFindings(snapshot) : null,
    failingChecks: snapshot
      ? snapshot.checks.filter(check => check.status === 'FAIL').length
      : 0,
    collectedAt: snapshot?.collectedAt,
    readError: account.readError,
  };
}

/** Worst first: weighted findings, then failing checks, then lowest score. */
export function severityWeight(summary: AccountSummary): number {
  const findings = summary.findings;
  if (!findings) return -1;
  return (
    findings.CRITICAL * 1_000_000 +
    findings.HIGH * 10_000 +
    findings.MEDIUM * 100 +
    findings.LOW
  );
}
