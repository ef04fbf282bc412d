import { TestDatabases } from '@backstage/backend-test-utils';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';
import { getAs } from './harness/apiRequest';
import { contradictions, readPostures } from './harness/readPostures';
import {
  startPostureBackend,
  useSandboxEndpoint,
} from './harness/startPostureBackend';

jest.setTimeout(120_000);

const ROLE_DEPENDENT_CHECKS = [
  'imdsv2',
  'ebs-default-encryption',
  's3-account-bpa',
  'flow-logs',
  'no-open-admin-ports',
];

describe('posture collection under AWS faults', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sandbox: SandboxHandle;
  let restoreEnv: () => void;
  let truth: Map<string, PostureSnapshot>;

  /** A fresh database and plugin, one collection, its postures. */
  async function collectOnce() {
    const backend = await startPostureBackend({
      sandbox,
      knex: await databases.init('SQLITE_3'),
      maxAttempts: 3,
    });
    try {
      await backend.collect();
      const postures = await readPostures(backend.server);
      const summary = await getAs(backend.server, '/organization/summary');
      return { postures, summary: summary.body };
    } finally {
      await backend.stop();
    }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    restoreEnv = useSandboxEndpoint(sandbox);
    truth = (await collectOnce()).postures;
  });

  afterEach(() => {
    sandbox.control.clearFaults();
    sandbox.control.setQuotaScale(0);
    sandbox.control.allowAssumeRole('500000000002');
    sandbox.control.allowAssumeRole('500000000003');
  });

  afterAll(async () => {
    restoreEnv?.();
    await sandbox?.stop();
  });

  it('collects a clean truth to compare against', () => {
    const paymentsDev = truth.get('500000000003');
    expect(paymentsDev?.findings.securityhub).not.toBeNull();
    expect(
      paymentsDev?.checks.filter(check => check.status === 'FAIL').length,
    ).toBeGreaterThan(0);
  });

  it('finishes a throttling storm with true counts or unknowns, never invented ones', async () => {
    // A fifth of the published rates: the delegated administrator's
    // Security Hub and Inspector calls for all accounts meet throttles.
    sandbox.control.setQuotaScale(0.2);

    const { postures } = await collectOnce();

    expect(postures.size).toBe(truth.size);
    expect(contradictions(truth, postures)).toEqual([]);
  });

  it('survives 5xx bursts with true counts or unknowns', async () => {
    sandbox.control.failOperation({ service: 'guardduty', rate: 0.5 });
    sandbox.control.failOperation({
      service: 'ec2',
      rate: 0.3,
      statusCode: 503,
    });
    sandbox.control.failOperation({ service: 'config', rate: 1 });

    const { postures } = await collectOnce();

    expect(postures.size).toBe(truth.size);
    expect(contradictions(truth, postures)).toEqual([]);
    // Config failed on every call: no account may claim a Config verdict.
    for (const [accountId, posture] of postures) {
      expect({ accountId, config: posture.config }).toEqual({
        accountId,
        config: null,
      });
    }
  });

  it('marks accounts whose role is denied as unreadable with UNKNOWN direct checks', async () => {
    sandbox.control.denyAssumeRole('500000000002', 'BackstagePostureReadRole');
    sandbox.control.denyAssumeRole('500000000003', 'BackstagePostureReadRole');

    const { postures, summary } = await collectOnce();

    expect(contradictions(truth, postures)).toEqual([]);
    for (const accountId of ['500000000002', '500000000003']) {
      const posture = postures.get(accountId);
      expect(posture).toBeDefined();
      // Checks read with the role in the account; the delegated
      // administrator still answers for Inspector, Security Hub, GuardDuty.
      const direct = posture!.checks.filter(check =>
        ROLE_DEPENDENT_CHECKS.includes(check.checkId),
      );
      expect(direct).toHaveLength(ROLE_DEPENDENT_CHECKS.length);
      for (const check of direct) {
        expect({
          accountId,
          check: check.checkId,
          status: check.status,
        }).toEqual({ accountId, check: check.checkId, status: 'UNKNOWN' });
      }
    }
    const unreadable = summary.unreadable.map(
      (entry: { accountId: string }) => entry.accountId,
    );
    expect(unreadable).toEqual(
      expect.arrayContaining(['500000000002', '500000000003', '600000000001']),
    );
    // The other accounts read as before.
    expect(postures.get('500000000001')?.checks).toEqual(
      truth.get('500000000001')?.checks,
    );
  });
});
