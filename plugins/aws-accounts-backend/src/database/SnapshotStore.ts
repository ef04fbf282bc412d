import { Knex } from 'knex';
import {
  HistoryPoint,
  PostureSnapshot,
} from '@sra-backstage/plugin-aws-accounts-common';

const TABLE = 'aws_accounts_snapshots';

interface SnapshotRow {
  id: number;
  account_id: string;
  collected_at: string;
  complete: boolean | number;
  score: number | null;
  failing_checks: number;
  critical_findings: number | null;
  posture: string;
}

/** The latest snapshot of an account and, if it failed, the last good one. */
export interface LatestSnapshots {
  latest: PostureSnapshot;
  latestComplete: boolean;
  lastGood?: PostureSnapshot;
}

/** A snapshot's headline numbers, for trends. */
export interface SnapshotHeadline {
  accountId: string;
  collectedAt: string;
  score: number | null;
  criticalFindings: number | null;
}

/**
 * Posture snapshots, one per account per run, kept for the configured
 * retention. A run that could read no source of an account stores an
 * incomplete snapshot, so the last good one stays what is served.
 */
export class SnapshotStore {
  static create(db: Knex): SnapshotStore {
    return new SnapshotStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async insert(snapshot: PostureSnapshot, complete: boolean): Promise<void> {
    const critical = [
      snapshot.findings.securityhub,
      snapshot.findings.guardduty,
      snapshot.findings.inspector,
    ];
    await this.db(TABLE).insert({
      account_id: snapshot.accountId,
      collected_at: snapshot.collectedAt,
      complete,
      score: snapshot.score,
      failing_checks: snapshot.checks.filter(check => check.status === 'FAIL')
        .length,
      critical_findings: critical.every(counts => counts === null)
        ? null
        : critical.reduce((sum, counts) => sum + (counts?.CRITICAL ?? 0), 0),
      posture: JSON.stringify(snapshot),
    });
  }

  /** The newest snapshot and the newest complete one of an account. */
  async latest(accountId: string): Promise<LatestSnapshots | undefined> {
    const latest: SnapshotRow | undefined = await this.db(TABLE)
      .where({ account_id: accountId })
      .orderBy('collected_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    if (!latest) {
      return undefined;
    }
    const latestComplete = Boolean(latest.complete);
    let lastGood: SnapshotRow | undefined;
    if (!latestComplete) {
      lastGood = await this.db(TABLE)
        .where({ account_id: accountId, complete: true })
        .orderBy('collected_at', 'desc')
        .orderBy('id', 'desc')
        .first();
    }
    return {
      latest: JSON.parse(latest.posture),
      latestComplete,
      lastGood: lastGood ? JSON.parse(lastGood.posture) : undefined,
    };
  }

  /**
   * The newest complete snapshot of every account, in one query: the
   * organization page and the account list read this.
   */
  async latestCompleteOfAll(): Promise<Map<string, PostureSnapshot>> {
    const newest = this.db(TABLE)
      .where({ complete: true })
      .groupBy('account_id')
      .select('account_id')
      .max({ collected_at: 'collected_at' });
    const rows: SnapshotRow[] = await this.db(`${TABLE} as s`)
      .join(newest.as('n'), join =>
        join
          .on('s.account_id', '=', 'n.account_id')
          .andOn('s.collected_at', '=', 'n.collected_at'),
      )
      .where('s.complete', true)
      .select('s.account_id', 's.posture');
    return new Map(
      rows.map(row => [
        row.account_id,
        JSON.parse(row.posture) as PostureSnapshot,
      ]),
    );
  }

  /** Complete snapshots of an account between two times, oldest first. */
  async history(
    accountId: string,
    from: string,
    to: string,
  ): Promise<HistoryPoint[]> {
    const rows: SnapshotRow[] = await this.db(TABLE)
      .where({ account_id: accountId, complete: true })
      .whereBetween('collected_at', [from, to])
      .orderBy('collected_at', 'asc')
      .select('collected_at', 'score', 'failing_checks', 'posture');
    return rows.map(row => {
      const snapshot = JSON.parse(row.posture) as PostureSnapshot;
      const sources = [
        snapshot.findings.securityhub,
        snapshot.findings.guardduty,
        snapshot.findings.inspector,
      ];
      const read = sources.filter(counts => counts !== null);
      return {
        collectedAt: row.collected_at,
        score: row.score,
        failingChecks: row.failing_checks,
        findings:
          read.length === 0
            ? null
            : read.reduce(
                (sum, counts) => {
                  for (const key of Object.keys(sum) as Array<
                    keyof typeof sum
                  >) {
                    sum[key] += counts![key];
                  }
                  return sum;
                },
                {
                  CRITICAL: 0,
                  HIGH: 0,
                  MEDIUM: 0,
                  LOW: 0,
                  INFORMATIONAL: 0,
                  UNTRIAGED: 0,
                },
              ),
      };
    });
  }

  /** Headline numbers of every complete snapshot since a time, for trends. */
  async headlinesSince(since: string): Promise<SnapshotHeadline[]> {
    const rows: SnapshotRow[] = await this.db(TABLE)
      .where({ complete: true })
      .where('collected_at', '>=', since)
      .orderBy('collected_at', 'asc')
      .select('account_id', 'collected_at', 'score', 'critical_findings');
    return rows.map(row => ({
      accountId: row.account_id,
      collectedAt: row.collected_at,
      score: row.score,
      criticalFindings: row.critical_findings,
    }));
  }

  /** Deletes snapshots older than the retention, keeping each account's newest. */
  async deleteBefore(before: string): Promise<number> {
    const newest = this.db(TABLE).groupBy('account_id').max({ id: 'id' });
    return this.db(TABLE)
      .where('collected_at', '<', before)
      .whereNotIn('id', newest)
      .delete();
  }
}
