/**
 * The default seed: an AWS Security Reference Architecture organization
 * whose accounts differ on purpose, so that every posture outcome can be
 * seen and tested. Other packages' tests import these constants instead of
 * repeating literals.
 */

/** @public */
export const SEED_ORGANIZATION = {
  id: 'o-sra0example1',
  rootId: 'r-sra0',
  managementAccountId: '111111111111',
  managementAccountEmail: 'aws+management@example.com',
  homeRegion: 'us-east-1',
  governedRegions: ['us-east-1', 'eu-west-1'],
} as const;

/**
 * An organizational unit of the seed.
 *
 * @public
 */
export interface SeedOrganizationalUnit {
  id: string;
  name: string;
  parentId: string;
  /** Whether Control Tower governs it, so Account Factory may vend into it. */
  enrolled: boolean;
}

/** @public */
export const SEED_OUS = {
  security: {
    id: 'ou-sra0-security',
    name: 'Security',
    parentId: 'r-sra0',
    enrolled: true,
  },
  infrastructure: {
    id: 'ou-sra0-infrastructure',
    name: 'Infrastructure',
    parentId: 'r-sra0',
    enrolled: true,
  },
  workloads: {
    id: 'ou-sra0-workloads',
    name: 'Workloads',
    parentId: 'r-sra0',
    enrolled: true,
  },
  prod: {
    id: 'ou-sra0-prod0001',
    name: 'Prod',
    parentId: 'ou-sra0-workloads',
    enrolled: true,
  },
  staging: {
    id: 'ou-sra0-stage001',
    name: 'Staging',
    parentId: 'ou-sra0-workloads',
    enrolled: true,
  },
  dev: {
    id: 'ou-sra0-dev00001',
    name: 'Dev',
    parentId: 'ou-sra0-workloads',
    enrolled: true,
  },
  sandbox: {
    id: 'ou-sra0-sandbox1',
    name: 'Sandbox',
    parentId: 'r-sra0',
    enrolled: true,
  },
  legacy: {
    id: 'ou-sra0-legacy01',
    name: 'Legacy',
    parentId: 'r-sra0',
    enrolled: false,
  },
} as const satisfies Record<string, SeedOrganizationalUnit>;

/**
 * How an account's resources are seeded: `compliant` passes every SRA
 * baseline check, `noncompliant` fails IMDSv2, EBS default encryption, S3
 * Block Public Access, flow logs and open admin ports; `fresh` is a newly
 * vended account with AWS defaults (default VPC, nothing turned on).
 *
 * @public
 */
export type SeedBaselineProfile = 'compliant' | 'noncompliant' | 'fresh';

/**
 * An account of the seed.
 *
 * @public
 */
export interface SeedAccount {
  id: string;
  name: string;
  email: string;
  parentId: string;
  status: 'ACTIVE' | 'SUSPENDED';
  tags: Record<string, string>;
  baseline: SeedBaselineProfile;
  /** Roles that exist in the account; AssumeRole into others is denied. */
  roles: string[];
  securityHubSubscribed: boolean;
}

/**
 * Roles present in every seeded account unless the account says otherwise.
 *
 * @public
 */
export const SEED_ROLE_NAMES = {
  organizationAccess: 'OrganizationAccountAccessRole',
  controlTowerExecution: 'AWSControlTowerExecution',
  postureRead: 'BackstagePostureReadRole',
  securityToolingRead: 'BackstageSecurityToolingReadRole',
} as const;

const STANDARD_ROLES = [
  SEED_ROLE_NAMES.organizationAccess,
  SEED_ROLE_NAMES.controlTowerExecution,
  SEED_ROLE_NAMES.postureRead,
];

function account(
  id: string,
  name: string,
  parentId: string,
  tags: Record<string, string>,
  overrides: Partial<SeedAccount> = {},
): SeedAccount {
  return {
    id,
    name,
    email: `aws+${name.toLowerCase().replace(/\s+/g, '-')}@example.com`,
    parentId,
    status: 'ACTIVE',
    tags,
    baseline: 'compliant',
    roles: STANDARD_ROLES,
    securityHubSubscribed: true,
    ...overrides,
  };
}

function appTags(owner: string, application: string, environment: string) {
  return { owner, application, environment };
}

/** @public */
export const SEED_ACCOUNTS = {
  management: account(
    '111111111111',
    'Management',
    'r-sra0',
    {},
    {
      email: 'aws+management@example.com',
    },
  ),
  securityTooling: account(
    '222222222222',
    'Security Tooling',
    SEED_OUS.security.id,
    { owner: 'team-security' },
    { roles: [...STANDARD_ROLES, SEED_ROLE_NAMES.securityToolingRead] },
  ),
  logArchive: account('333333333333', 'Log Archive', SEED_OUS.security.id, {
    owner: 'team-security',
  }),
  network: account('444444444444', 'Network', SEED_OUS.infrastructure.id, {
    owner: 'team-platform',
  }),
  paymentsProd: account(
    '500000000001',
    'payments-prod',
    SEED_OUS.prod.id,
    appTags('team-payments', 'payments', 'prod'),
  ),
  paymentsStaging: account(
    '500000000002',
    'payments-staging',
    SEED_OUS.staging.id,
    appTags('team-payments', 'payments', 'staging'),
  ),
  paymentsDev: account(
    '500000000003',
    'payments-dev',
    SEED_OUS.dev.id,
    appTags('team-payments', 'payments', 'dev'),
    { baseline: 'noncompliant' },
  ),
  ordersProd: account(
    '600000000001',
    'orders-prod',
    SEED_OUS.prod.id,
    appTags('team-orders', 'orders', 'prod'),
    {
      roles: [
        SEED_ROLE_NAMES.organizationAccess,
        SEED_ROLE_NAMES.controlTowerExecution,
      ],
    },
  ),
  ordersStaging: account(
    '600000000002',
    'orders-staging',
    SEED_OUS.staging.id,
    appTags('team-orders', 'orders', 'staging'),
    { securityHubSubscribed: false },
  ),
  ordersDev: account(
    '600000000003',
    'orders-dev',
    SEED_OUS.dev.id,
    appTags('team-orders', 'orders', 'dev'),
  ),
  sandboxExperiments: account(
    '700000000001',
    'sandbox-experiments',
    SEED_OUS.sandbox.id,
    { owner: 'team-platform' },
    { status: 'SUSPENDED' },
  ),
} as const satisfies Record<string, SeedAccount>;

/**
 * The account that is delegated administrator of Security Hub, Inspector
 * and GuardDuty: its credentials see every member's findings.
 *
 * @public
 */
export const SEED_DELEGATED_ADMIN_ACCOUNT_ID = SEED_ACCOUNTS.securityTooling.id;

/** @public */
export const SEED_ACCOUNT_FACTORY = {
  productId: 'prod-sra0accfactry',
  productName: 'AWS Control Tower Account Factory',
  provisioningArtifactId: 'pa-sra0accfactry',
  provisioningArtifactName: 'AWS Control Tower Account Factory',
  launchPathId: 'lpv3-sra0accfactry',
  portfolioId: 'port-sra0accfactry',
  region: 'us-east-1',
  /** Account Factory provisions at most this many accounts at a time. */
  maxConcurrentProvisionings: 5,
} as const;
