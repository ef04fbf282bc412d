import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PostureSnapshot,
  SRA_CHECKS,
} from '@sra-backstage/plugin-aws-accounts-common';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import {
  collectorForSandbox,
  useSandboxEndpoint,
} from '../__testUtils__/sandboxHarness';

jest.setTimeout(180_000);

const PAYMENTS_PROD = '500000000001';
const PAYMENTS_DEV = '500000000003';
const ORDERS_PROD = '600000000001';
const ORDERS_STAGING = '600000000002';
const SANDBOX_EXPERIMENTS = '700000000001';

/** The checks a direct API read decides where Security Hub FSBP does not. */
const DIRECT_CHECKS = [
  'imdsv2',
  'ebs-default-encryption',
  'ssm-managed',
  'patch-compliance',
  'private-subnets',
  'no-open-admin-ports',
  'flow-logs',
  'vpc-endpoints',
  'alb-tls',
  'certificate-expiry',
  'waf',
  's3-account-bpa',
  'kms-rotation',
  'secrets-rotation',
  'aurora',
];

/** A source without numbers must say why: an error is never zero. */
function expectNoSilentZeros(snapshot: PostureSnapshot) {
  const sources = snapshot.errors.map(error => error.source);
  if (snapshot.findings.guardduty === null) {
    expect(sources).toContain('guardduty');
  }
  if (snapshot.findings.inspector === null) {
    expect(sources).toContain('inspector');
  }
  for (const service of snapshot.services) {
    if (service.state !== 'ON') {
      expect(service.reason).toBeTruthy();
    }
  }
  for (const check of snapshot.checks) {
    if (check.status === 'UNKNOWN' || check.status === 'NOT_APPLICABLE') {
      expect(check.reason).toBeTruthy();
    }
  }
}

describe('collection against the sandbox', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sandbox: SandboxHandle;
  let restore: () => void;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 1 });
    restore = useSandboxEndpoint(sandbox);
  });

  afterAll(async () => {
    restore();
    await sandbox.stop();
  });

  beforeEach(() => {
    sandbox.control.reset();
    sandbox.control.resetCallCounts();
  });

  it('collects the default organization from the delegated administrator, then incrementally', async () => {
    const { collector, stores, accounts } = await collectorForSandbox(
      sandbox,
      databases,
      {
        mode: 'delegatedAdmin',
      },
    );

    const full = await collector.collectAll();
    expect(full.syncs.every(sync => sync.kind === 'full')).toBe(true);
    expect(full.accounts).toBe(accounts.length - 1);
    expect(await stores.snapshots.latest(SANDBOX_EXPERIMENTS)).toBeUndefined();

    const dev = (await stores.snapshots.latest(PAYMENTS_DEV))!.latest;
    const failing = dev.checks
      .filter(c => c.status === 'FAIL')
      .map(c => c.checkId);
    expect(failing).toEqual(
      expect.arrayContaining([
        'imdsv2',
        'ebs-default-encryption',
        's3-account-bpa',
        'flow-logs',
        'no-open-admin-ports',
      ]),
    );
    for (const check of dev.checks.filter(c => c.status === 'FAIL')) {
      expect(check.evidence.length).toBeGreaterThan(0);
    }

    const prod = (await stores.snapshots.latest(PAYMENTS_PROD))!.latest;
    expect(prod.checks.filter(c => c.status === 'FAIL')).toEqual([]);
    expect(prod.checks.map(c => c.checkId).sort()).toEqual(
      SRA_CHECKS.map(c => c.id).sort(),
    );
    expect(prod.checks.map(c => `${c.checkId}:${c.status}`)).toEqual(
      prod.checks.map(c => `${c.checkId}:PASS`),
    );
    expect(prod.errors).toEqual([]);
    expect(
      prod.services.every(
        s => s.state === 'ON' || s.service === 'inspector-lambda',
      ),
    ).toBe(true);
    expect(prod.findings.guardduty).not.toBeNull();
    expect(prod.findings.accessAnalyzer).not.toBeNull();
    expect(prod.config).not.toBeNull();
    expect(prod.score).not.toBeNull();
    expect(prod.score!).toBeGreaterThan(dev.score!);

    // Security Hub, Inspector and GuardDuty come from the delegated administrator,
    // so the account without a read role still has those; the rest is UNKNOWN.
    const denied = (await stores.snapshots.latest(ORDERS_PROD))!.latest;
    expect(denied.findings.securityhub).not.toBeNull();
    expect(denied.config).toBeNull();
    expect(
      denied.services
        .filter(s => s.service === 'config')
        .every(s => s.state === 'UNKNOWN'),
    ).toBe(true);
    expect((await stores.accounts.get(ORDERS_PROD))?.readError?.reason).toMatch(
      /AccessDenied/,
    );

    const unsubscribed = (await stores.snapshots.latest(ORDERS_STAGING))!
      .latest;
    expect(
      unsubscribed.services
        .filter(s => s.service === 'securityhub')
        .map(s => s.state),
    ).toEqual(['OFF', 'OFF']);
    expect(unsubscribed.findings.securityhub).toBeNull();
    expect(
      unsubscribed.checks.find(c => c.checkId === 'securityhub')?.status,
    ).toBe('FAIL');
    // Without Security Hub the direct reads decide; the seed gives the
    // account a compliant workload (instances managed and patched, private
    // app and DB subnets in two zones, the five endpoints, an ALB with TLS
    // 1.3, an HTTP redirect, a web ACL and a certificate 210 days from
    // expiry, a rotating customer key and secret, an encrypted Aurora
    // cluster) in both Regions.
    expect(
      unsubscribed.checks
        .filter(c => DIRECT_CHECKS.includes(c.checkId))
        .map(c => ({
          checkId: c.checkId,
          status: c.status,
          source: c.source,
          regions: c.regions,
        })),
    ).toEqual(
      DIRECT_CHECKS.map(checkId => ({
        checkId,
        status: 'PASS',
        source: 'direct',
        regions:
          checkId === 's3-account-bpa'
            ? [sandbox.seed.homeRegion]
            : sandbox.seed.regions,
      })),
    );

    for (const { accountId } of accounts.filter(
      a => a.status !== 'SUSPENDED',
    )) {
      expectNoSilentZeros((await stores.snapshots.latest(accountId))!.latest);
      const page = await stores.findings.page(accountId, { limit: 500 });
      for (const finding of page.items) {
        expect(finding.accountId).toBe(accountId);
        expect(sandbox.seed.regions).toContain(finding.region);
      }
    }

    const fullGetFindings =
      sandbox.control.callCounts()['securityhub:GetFindings'];
    sandbox.control.resetCallCounts();
    const incremental = await collector.collectAll();
    expect(incremental.syncs.every(sync => sync.kind === 'incremental')).toBe(
      true,
    );
    expect(
      sandbox.control.callCounts()['securityhub:GetFindings'],
    ).toBeLessThan(fullGetFindings);
    const again = (await stores.snapshots.latest(PAYMENTS_DEV))!.latest;
    expect(again.findings.securityhub).toEqual(dev.findings.securityhub);
    expect(again.findings.inspector).toEqual(dev.findings.inspector);
  });

  it('marks every source of an account without a read role UNKNOWN in perAccount mode and keeps its last good snapshot', async () => {
    const { collector, stores, knex } = await collectorForSandbox(
      sandbox,
      databases,
      { mode: 'perAccount' },
    );
    await collector.collectAll();

    const denied = (await stores.snapshots.latest(ORDERS_PROD))!;
    expect(denied.latestComplete).toBe(false);
    expect(denied.latest.findings).toEqual({
      securityhub: null,
      guardduty: null,
      inspector: null,
      accessAnalyzer: null,
    });
    expect(
      denied.latest.checks.some(
        c => c.status === 'PASS' || c.status === 'FAIL',
      ),
    ).toBe(false);

    const before = (await stores.snapshots.latest(PAYMENTS_PROD))!.latest;
    sandbox.control.denyAssumeRole(PAYMENTS_PROD);
    // A new collector: assumed-role sessions are cached for their lifetime.
    const later = await collectorForSandbox(sandbox, databases, {
      mode: 'perAccount',
      knex,
    });
    await later.collector.collectAll();
    const after = (await stores.snapshots.latest(PAYMENTS_PROD))!;
    expect(after.latestComplete).toBe(false);
    expect(after.lastGood?.collectedAt).toBe(before.collectedAt);
    expect(after.lastGood?.findings.securityhub).toEqual(
      before.findings.securityhub,
    );
    // The other accounts are untouched.
    expect((await stores.snapshots.latest(PAYMENTS_DEV))!.latestComplete).toBe(
      true,
    );
  });

  it('rides out throttling and server errors with the SDK retries, and reports a source that fails past them', async () => {
    sandbox.control.setQuotaScale(0.5);
    sandbox.control.failOperation({
      service: 'securityhub',
      operation: 'GetFindings',
      rate: 0.2,
      statusCode: 500,
    });
    sandbox.control.failOperation({
      service: 'inspector2',
      operation: 'ListFindings',
      rate: 1,
      statusCode: 503,
    });
    const { collector, stores } = await collectorForSandbox(
      sandbox,
      databases,
      {
        mode: 'delegatedAdmin',
        maxAttempts: 5,
      },
    );

    const report = await collector.collectAll();

    const snapshot = (await stores.snapshots.latest(PAYMENTS_DEV))!.latest;
    expect(snapshot.findings.securityhub).not.toBeNull();
    expect(snapshot.errors.filter(e => e.source === 'securityhub')).toEqual([]);
    expect(report.calls['securityhub:GetFindings']).toBeGreaterThan(0);
    expect(snapshot.findings.inspector).toBeNull();
    expect(snapshot.errors.find(e => e.source === 'inspector')?.reason).toMatch(
      /Inspector findings/,
    );
    expect(
      await stores.syncState.lastSuccess(
        'organization',
        'inspector',
        'us-east-1',
      ),
    ).toBeUndefined();
    expect(
      await stores.syncState.lastSuccess(
        'organization',
        'securityhub',
        'us-east-1',
      ),
    ).toBeDefined();
  });
});
