import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { getAs } from './harness/apiRequest';
import { secondConnection } from './harness/secondConnection';
import {
  startPostureBackend,
  useSandboxEndpoint,
} from './harness/startPostureBackend';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// The PostgreSQL the test runner found, whatever its major version; without
// one (PORTAL_TEST_SKIP_POSTGRES=1) these tests cannot run.
const databases = TestDatabases.create();
const postgresId = databases
  .eachSupportedId()
  .map(([id]) => id)
  .find(id => id.startsWith('POSTGRES'));

(postgresId ? describe : describe.skip)(
  'restarts and replicas on one PostgreSQL',
  () => {
    let sandbox: SandboxHandle;
    let restoreEnv: () => void;

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0, quotaScale: 0 });
      restoreEnv = useSandboxEndpoint(sandbox);
    });

    afterEach(() => sandbox.control.clearFaults());

    afterAll(async () => {
      restoreEnv?.();
      await sandbox?.stop();
    });

    it('keeps every snapshot written before a crash mid-collection and completes after the restart', async () => {
      const knex = await databases.init(postgresId!);
      const crashing = secondConnection(knex);
      // Slow enough that the crash lands mid-way through the accounts.
      sandbox.control.addLatency({ service: 'ec2', ms: 100 });
      const first = await startPostureBackend({
        sandbox,
        knex: crashing,
        concurrency: 2,
      });

      const interrupted = first.collect();
      // Crash once the first account's snapshot is in.
      for (
        let waited = 0;
        waited < 30_000 &&
        Number(
          (await knex('aws_accounts_snapshots').count({ count: '*' }))[0].count,
        ) === 0;
        waited += 50
      ) {
        await sleep(50);
      }
      await first.stop();
      await crashing.destroy();
      // The dead backend's run ends fast once AWS answers quickly again.
      sandbox.control.clearFaults();
      await interrupted;
      const beforeRestart = await knex('aws_accounts_snapshots').select(
        'account_id',
      );
      const collectable = sandbox.seed.accounts.filter(
        account => account.status === 'ACTIVE',
      );
      expect(beforeRestart.length).toBeGreaterThan(0);
      expect(beforeRestart.length).toBeLessThan(collectable.length);

      const second = await startPostureBackend({ sandbox, knex });
      await second.collect();

      const accounts = await getAs(second.server, '/accounts');
      expect(accounts.body).toHaveLength(sandbox.seed.accounts.length);
      for (const account of collectable) {
        const posture = await getAs(
          second.server,
          `/accounts/${account.id}/posture`,
        );
        expect({ account: account.id, status: posture.status }).toEqual({
          account: account.id,
          status: 200,
        });
      }
      // Snapshots of the interrupted run are kept next to the new ones.
      const afterRestart = await knex('aws_accounts_snapshots').select(
        'account_id',
      );
      expect(afterRestart.length).toBe(
        beforeRestart.length + collectable.length,
      );
      for (const { account_id: accountId } of beforeRestart) {
        const history = await getAs(
          second.server,
          `/accounts/${accountId}/history`,
        );
        expect(history.body.length).toBeGreaterThanOrEqual(2);
      }
      await second.stop();
    });

    it('runs one collection per scheduler tick across two replicas', async () => {
      const knex = await databases.init(postgresId!);
      const replicaKnex = secondConnection(knex);
      const loggers = [mockServices.logger.mock(), mockServices.logger.mock()];
      for (const logger of loggers) {
        logger.child.mockReturnValue(logger);
      }
      const logged = (line: string) =>
        loggers
          .flatMap(logger => logger.info.mock.calls)
          .filter(([message]) => message === line).length;

      // One after the other, as a rolling deployment starts them; the core
      // scheduler's own migrations are not safe to run twice at once.
      const replicas = [];
      for (const [index, connection] of [knex, replicaKnex].entries()) {
        replicas.push(
          await startPostureBackend({
            sandbox,
            knex: connection,
            schedulerFactory: schedulerServiceFactory,
            logger: loggers[index].factory,
            posture: {
              schedule: {
                frequency: { seconds: 4 },
                timeout: { seconds: 30 },
                initialDelay: { seconds: 0 },
              },
            },
          }),
        );
      }
      const windowStarted = Date.now();
      await sleep(9000);
      const observedMs = Date.now() - windowStarted;
      const runs = logged('Posture collection started');
      const finished = logged('Posture collection finished');
      await Promise.all(replicas.map(replica => replica.stop()));
      await replicaKnex.destroy();

      // One run per 4 s tick at most (plus the one at start), never one per
      // replica per tick.
      expect(runs).toBeGreaterThanOrEqual(1);
      expect(runs).toBeLessThanOrEqual(Math.floor(observedMs / 4000) + 1);
      const perAccount = await knex('aws_accounts_snapshots')
        .where({ account_id: '500000000001' })
        .count({ count: '*' });
      // A run still going at shutdown may or may not have reached the account.
      expect(Number(perAccount[0].count)).toBeGreaterThanOrEqual(finished);
      expect(Number(perAccount[0].count)).toBeLessThanOrEqual(runs);
    });
  },
);
