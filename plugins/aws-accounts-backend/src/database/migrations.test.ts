import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrateDatabase';

jest.setTimeout(60_000);

const TABLES = [
  'aws_accounts_accounts',
  'aws_accounts_snapshots',
  'aws_accounts_findings',
  'aws_accounts_sync_state',
];

describe('migrations', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'go up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const directory = migrationsDirectory();

      await knex.migrate.latest({ directory });
      for (const table of TABLES) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
      await knex('aws_accounts_findings').insert({
        id: 'a'.repeat(32),
        source: 'inspector',
        arn: 'arn:aws:inspector2:us-east-1:500000000001:finding/x',
        account_id: '500000000001',
        region: 'us-east-1',
        severity: 'HIGH',
        severity_rank: 4,
        status: 'ACTIVE',
        active: true,
        title: 'CVE-2026-0001 - openssl',
        updated_at: '2026-12-01T00:00:00.000Z',
        finding: '{}',
      });

      await knex.migrate.rollback({ directory }, true);
      for (const table of TABLES) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }

      await knex.migrate.latest({ directory });
      await expect(
        knex('aws_accounts_findings').count({ count: '*' }),
      ).resolves.toEqual([{ count: expect.anything() }]);
    },
  );
});
