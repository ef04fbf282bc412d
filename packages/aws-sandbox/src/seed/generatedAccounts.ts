import { SEED_OUS, SEED_ROLE_NAMES, SeedAccount } from './defaultOrganization';

const ENVIRONMENTS = [
  { environment: 'prod', parentId: SEED_OUS.prod.id },
  { environment: 'staging', parentId: SEED_OUS.staging.id },
  { environment: 'dev', parentId: SEED_OUS.dev.id },
];
const OWNERS = ['team-payments', 'team-orders', 'team-platform'];

/**
 * Application accounts beyond the default seed: three per application
 * (prod, staging, dev), ids 8000000000001 upwards, every third application
 * failing the baseline. The same count always gives the same accounts.
 */
export function generatedAccounts(count: number): SeedAccount[] {
  const accounts: SeedAccount[] = [];
  for (let i = 0; i < count; i++) {
    const application = `app${String(Math.floor(i / 3) + 1).padStart(4, '0')}`;
    const { environment, parentId } = ENVIRONMENTS[i % 3];
    const name = `${application}-${environment}`;
    accounts.push({
      id: `8${String(i + 1).padStart(11, '0')}`,
      name,
      email: `aws+${name}@example.com`,
      parentId,
      status: 'ACTIVE',
      tags: {
        owner: OWNERS[Math.floor(i / 3) % OWNERS.length],
        application,
        environment,
      },
      baseline: Math.floor(i / 3) % 3 === 2 ? 'noncompliant' : 'compliant',
      roles: [
        SEED_ROLE_NAMES.organizationAccess,
        SEED_ROLE_NAMES.controlTowerExecution,
        SEED_ROLE_NAMES.postureRead,
      ],
      securityHubSubscribed: true,
    });
  }
  return accounts;
}
