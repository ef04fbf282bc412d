import { FindingSource } from '@sra-backstage/plugin-aws-accounts-common';
import { FindingStore } from '../database/FindingStore';
import { SyncStateStore } from '../database/SyncStateStore';
import { StoredFinding } from './StoredFinding';

/** What a findings read needs to know about where it stands. */
export interface FindingsSyncTarget {
  /** An account id, or the organization for delegated-administrator reads. */
  scope: string;
  source: FindingSource;
  region: string;
  /** Findings of other accounts are dropped: each account sees its own. */
  knownAccounts: Set<string>;
  /** How far an incremental read reaches back before the last success. */
  overlapMs: number;
}

/** How a findings read went. */
export interface FindingsSyncOutcome {
  kind: 'full' | 'incremental';
  stored: number;
  deactivated: number;
}

/**
 * Reads one findings source in one Region into the store. The first read
 * (or one after the state was cleared) is full and asks for active
 * findings only; later reads ask only for findings updated since the last
 * successful read minus the overlap window. The sync state moves on only
 * when every page was read, so a failed read is repeated, never skipped.
 */
export async function syncFindings(
  target: FindingsSyncTarget,
  stores: { findings: FindingStore; syncState: SyncStateStore },
  read: (updatedSince?: Date) => AsyncGenerator<StoredFinding[]>,
): Promise<FindingsSyncOutcome> {
  const startedAt = new Date();
  const last = await stores.syncState.lastSuccess(
    target.scope,
    target.source,
    target.region,
  );
  const updatedSince = last
    ? new Date(last.getTime() - target.overlapMs)
    : undefined;

  const seen = new Set<string>();
  let stored = 0;
  for await (const page of read(updatedSince)) {
    const own = page.filter(finding =>
      target.knownAccounts.has(finding.accountId),
    );
    await stores.findings.upsert(own);
    for (const finding of own) seen.add(finding.id);
    stored += own.length;
  }

  let deactivated = 0;
  if (!updatedSince) {
    deactivated = await stores.findings.deactivateMissing(
      target.source,
      [...target.knownAccounts],
      [target.region],
      seen,
    );
  }
  await stores.syncState.recordSuccess(
    target.scope,
    target.source,
    target.region,
    startedAt,
  );
  return { kind: updatedSince ? 'incremental' : 'full', stored, deactivated };
}
