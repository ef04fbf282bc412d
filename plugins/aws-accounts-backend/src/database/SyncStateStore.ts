import { Knex } from 'knex';

const TABLE = 'aws_accounts_sync_state';

/** Scope of a read made from the delegated administrator for all accounts. */
export const ORGANIZATION_SCOPE = 'organization';

/**
 * When each findings source was last read completely, per scope (an
 * account, or the organization for delegated-administrator reads) and
 * Region: the start of the next incremental read.
 */
export class SyncStateStore {
  static create(db: Knex): SyncStateStore {
    return new SyncStateStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async lastSuccess(
    scope: string,
    source: string,
    region: string,
  ): Promise<Date | undefined> {
    const row: { last_success_at: string } | undefined = await this.db(TABLE)
      .where({ scope, source, region })
      .first('last_success_at');
    return row ? new Date(row.last_success_at) : undefined;
  }

  /** Records a read that completed; `startedAt` is when it began. */
  async recordSuccess(
    scope: string,
    source: string,
    region: string,
    startedAt: Date,
  ): Promise<void> {
    await this.db(TABLE)
      .insert({
        scope,
        source,
        region,
        last_success_at: startedAt.toISOString(),
      })
      .onConflict(['scope', 'source', 'region'])
      .merge(['last_success_at']);
  }

  /** Forgets the state so the next read is full. */
  async clear(scope?: string): Promise<void> {
    const query = this.db(TABLE);
    if (scope) query.where({ scope });
    await query.delete();
  }
}
