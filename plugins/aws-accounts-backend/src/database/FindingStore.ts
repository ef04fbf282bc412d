import { Knex } from 'knex';
import {
  Finding,
  FindingSource,
  FindingsQuery,
  Severity,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { StoredFinding } from '../collector/StoredFinding';
import { ControlFinding } from '../collector/securityHubControls';
import { emptySeverityCounts, SEVERITY_RANK } from '../collector/severity';
import { decodeCursor, encodeCursor } from './findingsCursor';

const TABLE = 'aws_accounts_findings';
const UPSERT_BATCH_SIZE = 100;

/** The column each sort field sorts by; every one is NOT NULL. */
const SORT_COLUMNS = {
  severity: 'severity_rank',
  inspectorScore: 'inspector_score_sort',
  title: 'title',
  firstObservedAt: 'first_observed_at',
  lastObservedAt: 'last_observed_at',
  updatedAt: 'updated_at',
} as const;

interface FindingRow {
  id: string;
  severity: Severity;
  control_id: string | null;
  compliance_status: string | null;
  record_state: string | null;
  workflow_status: string | null;
  resource_type: string | null;
  region: string;
  title: string;
  finding: string;
  [column: string]: unknown;
}

function toRow(finding: StoredFinding) {
  const served: Finding = { ...finding };
  for (const key of [
    'active',
    'controlId',
    'complianceStatus',
    'recordState',
    'workflowStatus',
  ] as const) {
    delete (served as Partial<StoredFinding>)[key];
  }
  return {
    id: finding.id,
    source: finding.source,
    arn: finding.arn,
    account_id: finding.accountId,
    region: finding.region,
    severity: finding.severity,
    severity_rank: SEVERITY_RANK[finding.severity],
    status: finding.status,
    active: finding.active,
    title: finding.title,
    vulnerability_id: finding.vulnerabilityId ?? null,
    package_name: finding.packageName ?? null,
    resource_type: finding.resourceType ?? null,
    fix_available: finding.fixAvailable ?? null,
    exploit_available: finding.exploitAvailable ?? null,
    inspector_score_sort: finding.inspectorScore ?? -1,
    control_id: finding.controlId ?? null,
    compliance_status: finding.complianceStatus ?? null,
    record_state: finding.recordState ?? null,
    workflow_status: finding.workflowStatus ?? null,
    first_observed_at: finding.firstObservedAt ?? '',
    last_observed_at: finding.lastObservedAt ?? '',
    updated_at: finding.updatedAt,
    finding: JSON.stringify(served),
  };
}

/** Findings with everything the filters of a findings page need. */
export type FindingsFilter = Omit<FindingsQuery, 'cursor' | 'limit'> & {
  limit: number;
  cursor?: string;
};

/**
 * The current findings of every account, upserted by source and ARN. A
 * finding that was closed, archived, suppressed or resolved stays with
 * `active` false, so it leaves counts and pages without being lost.
 */
export class FindingStore {
  static create(db: Knex): FindingStore {
    return new FindingStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Writes findings; a stored finding is only replaced by one updated at
   * the same time or later, so an overlap window never rolls a finding back.
   */
  async upsert(findings: StoredFinding[]): Promise<void> {
    for (let i = 0; i < findings.length; i += UPSERT_BATCH_SIZE) {
      const rows = findings.slice(i, i + UPSERT_BATCH_SIZE).map(toRow);
      const unique = [...new Map(rows.map(row => [row.id, row])).values()];
      await this.db(TABLE)
        .insert(unique)
        .onConflict('id')
        .merge()
        .where(`${TABLE}.updated_at`, '<=', this.db.raw('excluded.updated_at'));
    }
  }

  /**
   * Marks the active findings of a source and account that a full read did
   * not return as no longer active (they were closed before the read).
   */
  async deactivateMissing(
    source: FindingSource,
    accountIds: string[],
    regions: string[],
    seenIds: Set<string>,
  ): Promise<number> {
    const activeIds: string[] = await this.db(TABLE)
      .where({ source, active: true })
      .whereIn('account_id', accountIds)
      .whereIn('region', regions)
      .pluck('id');
    const missing = activeIds.filter(id => !seenIds.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      await this.db(TABLE)
        .whereIn('id', missing.slice(i, i + 500))
        .update({ active: false, status: 'CLOSED' });
    }
    return missing.length;
  }

  /** Active findings of a source and account by severity. */
  async countActive(
    accountId: string,
    source: FindingSource,
  ): Promise<SeverityCounts> {
    const rows: Array<{ severity: Severity; count: string | number }> =
      await this.db(TABLE)
        .where({ account_id: accountId, source, active: true })
        .groupBy('severity')
        .select('severity')
        .count({ count: '*' });
    const counts = emptySeverityCounts();
    for (const row of rows) {
      counts[row.severity] = Number(row.count);
    }
    return counts;
  }

  /** The account's Security Hub control findings, for control statuses. */
  async controlFindings(accountId: string): Promise<ControlFinding[]> {
    const rows: FindingRow[] = await this.db(TABLE)
      .where({ account_id: accountId, source: 'securityhub' })
      .whereNotNull('control_id')
      .select(
        'control_id',
        'compliance_status',
        'record_state',
        'workflow_status',
        'severity',
        'resource_type',
        'region',
        'title',
        'finding',
      );
    return rows.map(row => {
      const finding = JSON.parse(row.finding) as Finding;
      return {
        controlId: row.control_id ?? undefined,
        complianceStatus: row.compliance_status ?? undefined,
        recordState: row.record_state ?? undefined,
        workflowStatus: row.workflow_status ?? undefined,
        severity: row.severity,
        resourceId: finding.resourceId,
        resourceType: row.resource_type ?? undefined,
        region: row.region,
        title: row.title,
      };
    });
  }

  /** The most severe active findings of a source, newest first among equals. */
  async top(
    accountId: string,
    source: FindingSource,
    limit: number,
  ): Promise<Finding[]> {
    const rows: FindingRow[] = await this.db(TABLE)
      .where({ account_id: accountId, source, active: true })
      .orderBy([
        { column: 'severity_rank', order: 'desc' },
        { column: 'updated_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit)
      .select('finding');
    return rows.map(row => JSON.parse(row.finding) as Finding);
  }

  async get(accountId: string, id: string): Promise<Finding | undefined> {
    const row: FindingRow | undefined = await this.db(TABLE)
      .where({ account_id: accountId, id })
      .first('finding');
    return row ? (JSON.parse(row.finding) as Finding) : undefined;
  }

  /**
   * One page of an account's findings. Paging is by keyset on the sort
   * column and the id, so pages stay stable while findings are added.
   * Without a status filter only active findings are served.
   */
  async page(
    accountId: string,
    filter: FindingsFilter,
  ): Promise<{ items: Finding[]; totalCount: number; nextCursor?: string }> {
    const sort = filter.sort ?? 'severity';
    const order = filter.order ?? (sort === 'title' ? 'asc' : 'desc');
    const column = SORT_COLUMNS[sort];

    const query = this.db(TABLE).where({ account_id: accountId });
    if (filter.status) {
      query.where({ status: filter.status });
    } else {
      query.where({ active: true });
    }
    if (filter.source) query.where({ source: filter.source });
    if (filter.severity?.length) query.whereIn('severity', filter.severity);
    if (filter.resourceType)
      query.where({ resource_type: filter.resourceType });
    if (filter.fixAvailable)
      query.where({ fix_available: filter.fixAvailable });
    if (filter.exploitAvailable !== undefined) {
      query.where({ exploit_available: filter.exploitAvailable });
    }
    if (filter.search) {
      const pattern = `%${filter.search
        .toLowerCase()
        .replace(/[\\%_]/g, c => `\\${c}`)}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '\\'`, [pattern])
          .orWhereRaw(
            `lower(coalesce(vulnerability_id, '')) like ? escape '\\'`,
            [pattern],
          )
          .orWhereRaw(`lower(coalesce(package_name, '')) like ? escape '\\'`, [
            pattern,
          ]),
      );
    }

    const countRow = await query.clone().count({ count: '*' }).first();
    const totalCount = Number(countRow?.count ?? 0);

    if (filter.cursor) {
      const after = decodeCursor(filter.cursor, sort, order);
      const comparator = order === 'desc' ? '<' : '>';
      query.where(inner =>
        inner
          .where(column, comparator, after.value)
          .orWhere(tie =>
            tie.where(column, '=', after.value).andWhere('id', '>', after.id),
          ),
      );
    }

    const rows: FindingRow[] = await query
      .orderBy([
        { column, order },
        { column: 'id', order: 'asc' },
      ])
      .limit(filter.limit + 1)
      .select('id', column, 'finding');

    const items = rows.slice(0, filter.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(row => JSON.parse(row.finding) as Finding),
      totalCount,
      nextCursor:
        rows.length > filter.limit && last
          ? encodeCursor({
              sort,
              order,
              value: last[column] as string | number,
              id: last.id,
            })
          : undefined,
    };
  }

  /** Removes findings that left the active set before the given time. */
  async deleteInactiveBefore(before: string): Promise<number> {
    return this.db(TABLE)
      .where({ active: false })
      .where('updated_at', '<', before)
      .delete();
  }
}
