import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@sra-backstage/plugin-aws-accounts-backend',
  'migrations',
);

/**
 * Applies the posture service's migrations, unless the database service
 * says to skip them (a read-only database).
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  }
  return client;
}

/** The migrations folder, for tests that go up and down. */
export function migrationsDirectory(): string {
  return MIGRATIONS_DIRECTORY;
}
