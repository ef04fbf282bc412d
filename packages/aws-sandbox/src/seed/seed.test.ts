import { SessionRegistry } from '../services/sts/SessionRegistry';
import { buildSandboxState } from './buildSandboxState';
import { SEED_ACCOUNTS, SEED_OUS } from './defaultOrganization';

const sessions = () => new SessionRegistry(() => '111111111111');

describe('seed', () => {
  it('builds the SRA organization of the shared fixtures', () => {
    const state = buildSandboxState({}, sessions(), 0);
    const { organization } = state;
    expect([...organization.accounts.keys()]).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
      '500000000001',
      '500000000002',
      '500000000003',
      '600000000001',
      '600000000002',
      '600000000003',
      '700000000001',
    ]);
    expect(organization.accountIdsIn(SEED_OUS.prod.id)).toEqual([
      '500000000001',
      '600000000001',
    ]);
    expect(organization.units.get(SEED_OUS.legacy.id)?.enrolled).toBe(false);
    expect(organization.tags.get('600000000002')).toEqual({
      owner: 'team-orders',
      application: 'orders',
      environment: 'staging',
    });
    expect(organization.accounts.get('333333333333')?.email).toBe(
      'aws+log-archive@example.com',
    );
    expect(
      state.roleExists(SEED_ACCOUNTS.ordersProd.id, 'BackstagePostureReadRole'),
    ).toBe(false);
    expect(
      state.roleExists(
        SEED_ACCOUNTS.securityTooling.id,
        'BackstageSecurityToolingReadRole',
      ),
    ).toBe(true);
    expect(
      state.profile(SEED_ACCOUNTS.ordersStaging.id)?.securityHubSubscribed,
    ).toBe(false);
    expect(organization.pathTo(SEED_OUS.dev.id)).toEqual([
      'Root',
      'Workloads',
      'Dev',
    ]);
  });

  it('generates the same large organization and findings every time', () => {
    const first = buildSandboxState(
      { accounts: 300, findingsPerAccount: 50 },
      sessions(),
      0,
    );
    const second = buildSandboxState(
      { accounts: 300, findingsPerAccount: 50 },
      sessions(),
      0,
    );
    expect(first.organization.accounts.size).toBe(300);
    expect(first.organization.accounts.get('800000000289')).toMatchObject({
      name: 'app0097-prod',
      parentId: SEED_OUS.prod.id,
    });
    expect(first.profile('800000000007')?.baseline).toBe('noncompliant');

    const a = first.findings.inspector().index;
    const b = second.findings.inspector().index;
    expect(a.size).toBe(300 * 50 - 50);
    expect(Buffer.from(a.columns.severity.buffer)).toEqual(
      Buffer.from(b.columns.severity.buffer),
    );
    expect(Array.from(a.updatedAt.subarray(0, 100))).toEqual(
      Array.from(b.updatedAt.subarray(0, 100)),
    );
  });

  it('refuses seed sizes that make no sense, saying what to pass', () => {
    expect(() => buildSandboxState({ accounts: 0 }, sessions(), 0)).toThrow(
      'seed.accounts must be a whole number of 1 or more',
    );
    expect(() =>
      buildSandboxState({ findingsPerAccount: -1 }, sessions(), 0),
    ).toThrow('seed.findingsPerAccount');
  });
});
