import { Knex } from 'knex';

const BATCH = 500;

function portable(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) {
      out[key] = value.toISOString();
    } else if (value !== null && typeof value === 'object') {
      out[key] = JSON.stringify(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Copies the posture tables from one database to another through the
 * plugin's own tables: all accounts, sync state and snapshots, and the
 * findings up to `maxFindings`, account by account.
 */
export async function copyPostureData(
  from: Knex,
  to: Knex,
  maxFindings: number,
): Promise<number> {
  for (const table of [
    'aws_accounts_accounts',
    'aws_accounts_snapshots',
    'aws_accounts_sync_state',
  ]) {
    const rows = await from(table).select();
    for (let i = 0; i < rows.length; i += BATCH) {
      await to(table).insert(rows.slice(i, i + BATCH).map(portable));
    }
  }
  let copied = 0;
  while (copied < maxFindings) {
    const rows = await from('aws_accounts_findings')
      .select()
      .orderBy(['account_id', 'id'])
      .offset(copied)
      .limit(Math.min(5000, maxFindings - copied));
    if (rows.length === 0) {
      break;
    }
    for (let i = 0; i < rows.length; i += BATCH) {
      await to('aws_accounts_findings').insert(
        rows.slice(i, i + BATCH).map(portable),
      );
    }
    copied += rows.length;
  }
  return copied;
}
