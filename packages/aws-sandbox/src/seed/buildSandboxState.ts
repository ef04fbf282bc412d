import { OrganizationState } from '../services/organizations/OrganizationState';
import { SessionRegistry } from '../services/sts/SessionRegistry';
import { SandboxState } from '../state/SandboxState';
import {
  SEED_ACCOUNTS,
  SEED_DELEGATED_ADMIN_ACCOUNT_ID,
  SEED_ORGANIZATION,
  SEED_OUS,
  SeedAccount,
} from './defaultOrganization';
import { generatedAccounts } from './generatedAccounts';

/**
 * How big the seeded organization is.
 *
 * @public
 */
export interface SeedOptions {
  /**
   * Total number of accounts. The eleven accounts of the default seed are
   * always there; more are generated deterministically into the Prod,
   * Staging and Dev OUs.
   */
  accounts?: number;
  /** Findings per account in each of Security Hub, Inspector and GuardDuty. */
  findingsPerAccount?: number;
}

/** The default number of findings per account and service. */
export const DEFAULT_FINDINGS_PER_ACCOUNT = 40;

const JOINED_AT = new Date('2024-03-01T12:00:00Z');

/** Builds the sandbox's state for a seed. */
export function buildSandboxState(
  seed: SeedOptions,
  sessions: SessionRegistry,
  provisioningDelayMs: number,
): SandboxState {
  const findingsPerAccount =
    seed.findingsPerAccount ?? DEFAULT_FINDINGS_PER_ACCOUNT;
  if (!Number.isInteger(findingsPerAccount) || findingsPerAccount < 0) {
    throw new RangeError(
      `seed.findingsPerAccount must be a whole number of zero or more, got ${seed.findingsPerAccount}`,
    );
  }
  const fixed: SeedAccount[] = Object.values(SEED_ACCOUNTS);
  const total = seed.accounts ?? fixed.length;
  if (!Number.isInteger(total) || total < 1) {
    throw new RangeError(
      `seed.accounts must be a whole number of 1 or more, got ${seed.accounts}`,
    );
  }

  const organization = new OrganizationState(
    SEED_ORGANIZATION.id,
    SEED_ORGANIZATION.rootId,
    SEED_ORGANIZATION.managementAccountId,
  );
  for (const unit of Object.values(SEED_OUS)) {
    organization.addUnit(unit);
  }
  const state = new SandboxState(
    organization,
    SEED_DELEGATED_ADMIN_ACCOUNT_ID,
    { provisioningDelayMs, findingsPerAccount },
    sessions,
  );

  const accounts = [
    ...fixed,
    ...generatedAccounts(Math.max(0, total - fixed.length)),
  ];
  for (const account of accounts) {
    organization.addAccount(
      account,
      account.id === organization.managementAccountId ? 'CREATED' : 'INVITED',
      JOINED_AT,
    );
    state.profiles.set(account.id, {
      baseline: account.baseline,
      securityHubSubscribed: account.securityHubSubscribed,
      findings: account.status === 'ACTIVE' ? findingsPerAccount : 0,
    });
    state.roles.set(account.id, new Set(account.roles));
  }
  return state;
}
