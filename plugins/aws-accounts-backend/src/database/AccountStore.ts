import { Knex } from 'knex';

/** An account as the catalog describes it and the store keeps it. */
export interface AccountRecord {
  accountId: string;
  name: string;
  entityRef: string;
  owner?: string;
  environment?: string;
  application?: string;
  organizationalUnitId?: string;
  organizationalUnitPath?: string;
  status?: string;
  readError?: { reason: string; since: string };
}

interface AccountRow {
  account_id: string;
  name: string;
  entity_ref: string;
  owner: string | null;
  environment: string | null;
  application: string | null;
  organizational_unit_id: string | null;
  organizational_unit_path: string | null;
  status: string | null;
  read_error: string | null;
  read_error_since: string | null;
  seen_at: string;
}

const TABLE = 'aws_accounts_accounts';
const UPSERT_BATCH_SIZE = 200;

function toRecord(row: AccountRow): AccountRecord {
  return {
    accountId: row.account_id,
    name: row.name,
    entityRef: row.entity_ref,
    owner: row.owner ?? undefined,
    environment: row.environment ?? undefined,
    application: row.application ?? undefined,
    organizationalUnitId: row.organizational_unit_id ?? undefined,
    organizationalUnitPath: row.organizational_unit_path ?? undefined,
    status: row.status ?? undefined,
    readError:
      row.read_error && row.read_error_since
        ? { reason: row.read_error, since: row.read_error_since }
        : undefined,
  };
}

/** The accounts table: what the catalog said, and whether it could be read. */
export class AccountStore {
  static create(db: Knex): AccountStore {
    return new AccountStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Replaces the account list with the catalog's: new and changed accounts
   * are written, accounts the catalog no longer has are removed. Read
   * errors are kept.
   */
  async replaceAll(accounts: AccountRecord[], seenAt: string): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < accounts.length; i += UPSERT_BATCH_SIZE) {
        const rows = accounts.slice(i, i + UPSERT_BATCH_SIZE).map(account => ({
          account_id: account.accountId,
          name: account.name,
          entity_ref: account.entityRef,
          owner: account.owner ?? null,
          environment: account.environment ?? null,
          application: account.application ?? null,
          organizational_unit_id: account.organizationalUnitId ?? null,
          organizational_unit_path: account.organizationalUnitPath ?? null,
          status: account.status ?? null,
          seen_at: seenAt,
        }));
        await tx(TABLE)
          .insert(rows)
          .onConflict('account_id')
          .merge([
            'name',
            'entity_ref',
            'owner',
            'environment',
            'application',
            'organizational_unit_id',
            'organizational_unit_path',
            'status',
            'seen_at',
          ]);
      }
      await tx(TABLE).where('seen_at', '<', seenAt).delete();
    });
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.db<AccountRow>(TABLE).orderBy('account_id');
    return rows.map(toRecord);
  }

  async get(accountId: string): Promise<AccountRecord | undefined> {
    const row = await this.db<AccountRow>(TABLE)
      .where({ account_id: accountId })
      .first();
    return row ? toRecord(row) : undefined;
  }

  /**
   * Records that no source of the account could be read, keeping the time
   * of the first failure in a row; a successful read clears it.
   */
  async setReadError(
    accountId: string,
    error: { reason: string; at: string } | undefined,
  ): Promise<void> {
    if (!error) {
      await this.db(TABLE)
        .where({ account_id: accountId })
        .update({ read_error: null, read_error_since: null });
      return;
    }
    await this.db(TABLE)
      .where({ account_id: accountId })
      .update({
        read_error: error.reason,
        read_error_since: this.db.raw('coalesce(read_error_since, ?)', [
          error.at,
        ]),
      });
  }
}
