import { ConfigReader } from '@backstage/config';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { DefaultOrganizationReader } from './DefaultOrganizationReader';

/** The lookups the vending actions use, against the sandbox's seed. */

/**
 * The sandbox throttles each Organizations operation at 10 requests a
 * second; reading at that rate overall never trips it, so no test depends on
 * retries.
 */
jest.setTimeout(30_000);

const AWS_ENVIRONMENT = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
] as const;

let sandbox: SandboxHandle;
const savedEnvironment: Record<string, string | undefined> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  for (const name of AWS_ENVIRONMENT) {
    savedEnvironment[name] = process.env[name];
  }
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDSANDBOX';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
  process.env.AWS_REGION = 'us-east-1';
});

afterAll(async () => {
  for (const name of AWS_ENVIRONMENT) {
    if (savedEnvironment[name] === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = savedEnvironment[name];
    }
  }
  await sandbox?.stop();
});

function createReader() {
  return DefaultOrganizationReader.fromConfig(
    new ConfigReader({ awsAccounts: { region: 'us-east-1' } }),
    { requestsPerSecond: 10 },
  );
}

describe('DefaultOrganizationReader against the sandbox', () => {
  beforeEach(() => sandbox.control.resetCallCounts());

  it('reads the seeded organization', async () => {
    const snapshot = await createReader().readOrganization();

    expect(snapshot.organization).toMatchObject({
      id: 'o-sra0example1',
      managementAccountId: '111111111111',
      managementAccountEmail: 'aws+management@example.com',
    });
    expect(snapshot.root).toMatchObject({ id: 'r-sra0', name: 'Root' });
    expect(
      snapshot.organizationalUnits.map(unit => [unit.id, unit.path]).sort(),
    ).toEqual([
      ['ou-sra0-dev00001', 'Root/Workloads/Dev'],
      ['ou-sra0-infrastructure', 'Root/Infrastructure'],
      ['ou-sra0-legacy01', 'Root/Legacy'],
      ['ou-sra0-prod0001', 'Root/Workloads/Prod'],
      ['ou-sra0-sandbox1', 'Root/Sandbox'],
      ['ou-sra0-security', 'Root/Security'],
      ['ou-sra0-stage001', 'Root/Workloads/Staging'],
      ['ou-sra0-workloads', 'Root/Workloads'],
    ]);
    expect(snapshot.accounts).toHaveLength(11);
    expect(
      snapshot.accounts.find(account => account.id === '600000000002'),
    ).toMatchObject({
      name: 'orders-staging',
      email: 'aws+orders-staging@example.com',
      state: 'ACTIVE',
      organizationalUnitId: 'ou-sra0-stage001',
      organizationalUnitPath: 'Root/Workloads/Staging',
      tags: {
        owner: 'team-orders',
        application: 'orders',
        environment: 'staging',
      },
    });
    expect(
      snapshot.accounts.find(account => account.id === '700000000001')?.state,
    ).toBe('SUSPENDED');
  });

  it('finds units and accounts for the vending checks', async () => {
    const reader = createReader();

    await expect(
      reader.findOrganizationalUnit('Workloads/Prod'),
    ).resolves.toMatchObject({ id: 'ou-sra0-prod0001' });
    await expect(
      reader.findOrganizationalUnit('Root/Workloads/QA'),
    ).resolves.toBeUndefined();
    await expect(
      reader.findAccount({ email: 'aws+payments-dev@example.com' }),
    ).resolves.toMatchObject({ id: '500000000003' });
    await expect(
      reader.findAccount({ name: 'payments-qa' }),
    ).resolves.toBeUndefined();
    expect(
      sandbox.control.callCounts()['organizations:ListTagsForResource'],
    ).toBeUndefined();
  });
});
