import { AccountSummary } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Orders accounts worst first: lowest score, then most critical and high
 * findings, then most failing checks. Accounts without a score come after
 * the scored ones, since nothing is known about them.
 *
 * @internal
 */
export function compareWorstFirst(a: AccountSummary, b: AccountSummary) {
  if (a.score !== b.score) {
    if (a.score === null) {
      return 1;
    }
    if (b.score === null) {
      return -1;
    }
    return a.score - b.score;
  }
  const critical = (b.findings?.CRITICAL ?? 0) - (a.findings?.CRITICAL ?? 0);
  if (critical !== 0) {
    return critical;
  }
  const high = (b.findings?.HIGH ?? 0) - (a.findings?.HIGH ?? 0);
  if (high !== 0) {
    return high;
  }
  return b.failingChecks - a.failingChecks;
}
