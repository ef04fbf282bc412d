import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { loadFixture } from '../__fixtures__/loadFixture';
import { parseInspectorFinding } from '../collector/parseInspectorFinding';
import { StoredFinding } from '../collector/StoredFinding';
import { FindingStore } from './FindingStore';
import { migrationsDirectory } from './migrateDatabase';

jest.setTimeout(60_000);

const ACCOUNT = '012345678901';

function sampleFindings(): StoredFinding[] {
  const { findings } = loadFixture('inspector2/list-findings-many.json');
  return findings.map((f: any) => parseInspectorFinding(f, 'us-east-1')!);
}

describe('FindingStore', () => {
  const databases = TestDatabases.create();

  async function storeFor(databaseId: any): Promise<[FindingStore, Knex]> {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDirectory() });
    return [FindingStore.create(knex), knex];
  }

  it.each(databases.eachSupportedId())(
    'serves only active findings, filtered and counted, on %p',
    async databaseId => {
      const [store] = await storeFor(databaseId);
      await store.upsert(sampleFindings());

      const counts = await store.countActive(ACCOUNT, 'inspector');
      expect(counts).toEqual({
        CRITICAL: 0,
        HIGH: 2,
        MEDIUM: 2,
        LOW: 1,
        INFORMATIONAL: 0,
        UNTRIAGED: 2,
      });

      const page = await store.page(ACCOUNT, { limit: 100 });
      expect(page.totalCount).toBe(7);
      expect(page.items.every(item => item.status === 'ACTIVE')).toBe(true);

      const exploitable = await store.page(ACCOUNT, {
        limit: 100,
        exploitAvailable: true,
      });
      expect(exploitable.totalCount).toBe(2);

      const ec2 = await store.page(ACCOUNT, {
        limit: 100,
        resourceType: 'AWS_EC2_INSTANCE',
      });
      expect(ec2.items.map(item => item.severity)).toEqual(['LOW']);

      const closed = await store.page(ACCOUNT, {
        limit: 100,
        status: 'CLOSED',
      });
      expect(closed.totalCount).toBe(1);

      const high = await store.page(ACCOUNT, {
        limit: 100,
        severity: ['HIGH', 'UNTRIAGED'],
      });
      expect(high.totalCount).toBe(4);

      const cve = sampleFindings()[2].vulnerabilityId!;
      const byCve = await store.page(ACCOUNT, {
        limit: 100,
        search: cve.toLowerCase(),
      });
      expect(byCve.items.map(item => item.vulnerabilityId)).toContain(cve);

      const noFix = await store.page(ACCOUNT, {
        limit: 100,
        fixAvailable: 'NO',
      });
      expect(noFix.totalCount).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages with a cursor without gaps or repeats on %p',
    async databaseId => {
      const [store] = await storeFor(databaseId);
      await store.upsert(sampleFindings());

      for (const sort of [
        'severity',
        'inspectorScore',
        'title',
        'updatedAt',
      ] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.page(ACCOUNT, { limit: 3, sort, cursor });
          seen.push(...page.items.map(item => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen).size).toBe(7);
        expect(seen).toHaveLength(7);
      }

      const bySeverity = await store.page(ACCOUNT, { limit: 7 });
      expect(bySeverity.items.map(item => item.severity)).toEqual([
        'HIGH',
        'HIGH',
        'MEDIUM',
        'MEDIUM',
        'LOW',
        'UNTRIAGED',
        'UNTRIAGED',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'upserts by ARN, moves closed findings out of the active set and never rolls back on %p',
    async databaseId => {
      const [store] = await storeFor(databaseId);
      const findings = sampleFindings();
      await store.upsert(findings);

      const target = findings[2];
      await store.upsert([
        {
          ...target,
          status: 'CLOSED',
          active: false,
          updatedAt: '2099-01-01T00:00:00.000Z',
        },
      ]);
      // An overlap window re-reads the older version: it must not win.
      await store.upsert([target]);
      const stored = await store.get(ACCOUNT, target.id);
      expect(stored?.status).toBe('CLOSED');
      expect((await store.countActive(ACCOUNT, 'inspector')).HIGH).toBe(1);
    },
  );

  it('rejects a malformed cursor or one from another sort', async () => {
    const [store] = await storeFor('SQLITE_3');
    await store.upsert(sampleFindings());
    await expect(
      store.page(ACCOUNT, { limit: 3, cursor: 'not-a-cursor' }),
    ).rejects.toThrow(InputError);
    const first = await store.page(ACCOUNT, { limit: 3, sort: 'title' });
    await expect(
      store.page(ACCOUNT, {
        limit: 3,
        sort: 'severity',
        cursor: first.nextCursor,
      }),
    ).rejects.toThrow(/cursor parameter/);
  });
});
