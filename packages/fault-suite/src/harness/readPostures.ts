import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';
import { Server } from 'node:http';
import { getAs } from './apiRequest';

/** The posture of every listed account, by account id (404s left out). */
export async function readPostures(
  server: Server,
): Promise<Map<string, PostureSnapshot>> {
  const list = await getAs(server, '/accounts');
  if (list.status !== 200) {
    throw new Error(`GET /accounts answered ${list.status}: ${list.text}`);
  }
  const postures = new Map<string, PostureSnapshot>();
  for (const { accountId } of list.body as Array<{ accountId: string }>) {
    const response = await getAs(server, `/accounts/${accountId}/posture`);
    if (response.status === 200) {
      postures.set(accountId, response.body);
    }
  }
  return postures;
}

const FINDING_SOURCES = [
  'securityhub',
  'guardduty',
  'inspector',
  'accessAnalyzer',
] as const;

/**
 * What a collection under faults reported that a clean collection
 * contradicts: a count that differs from the truth instead of being
 * unknown (null), a check that is PASS or FAIL where the truth says
 * otherwise instead of UNKNOWN, an unknown without a reason.
 */
export function contradictions(
  truth: Map<string, PostureSnapshot>,
  faulted: Map<string, PostureSnapshot>,
  options: { uncomparedSources?: string[] } = {},
): string[] {
  const found: string[] = [];
  for (const [accountId, clean] of truth) {
    const posture = faulted.get(accountId);
    if (!posture) {
      continue;
    }
    for (const source of FINDING_SOURCES) {
      if (options.uncomparedSources?.includes(source)) {
        continue;
      }
      const got = posture.findings[source];
      if (
        got !== null &&
        JSON.stringify(got) !== JSON.stringify(clean.findings[source])
      ) {
        found.push(
          `${accountId} ${source}: ${JSON.stringify(
            got,
          )} instead of ${JSON.stringify(clean.findings[source])} or null`,
        );
      }
      if (
        got === null &&
        clean.findings[source] !== null &&
        posture.errors.length === 0 &&
        !posture.stale
      ) {
        found.push(`${accountId} ${source}: unknown without any error named`);
      }
    }
    for (const check of posture.checks) {
      const cleanCheck = clean.checks.find(c => c.checkId === check.checkId);
      if (check.status === 'UNKNOWN') {
        if (!check.reason) {
          found.push(`${accountId} ${check.checkId}: UNKNOWN without reason`);
        }
      } else if (cleanCheck && cleanCheck.status !== check.status) {
        found.push(
          `${accountId} ${check.checkId}: ${check.status} instead of ${cleanCheck.status} or UNKNOWN`,
        );
      }
    }
  }
  return found;
}
