import type { SandboxState } from '../state/SandboxState';
import { SeedOptions } from './buildSandboxState';
import { SEED_ACCOUNT_FACTORY, SEED_ORGANIZATION } from './defaultOrganization';

/**
 * The seeded organization as tests see it: ids to refer to instead of
 * literals.
 *
 * @public
 */
export interface SandboxSeed {
  organizationId: string;
  rootId: string;
  managementAccountId: string;
  delegatedAdminAccountId: string;
  homeRegion: string;
  regions: string[];
  findingsPerAccount: number;
  organizationalUnits: {
    id: string;
    name: string;
    parentId: string;
    enrolled: boolean;
  }[];
  accounts: {
    id: string;
    name: string;
    email: string;
    parentId: string;
    status: 'ACTIVE' | 'SUSPENDED';
    tags: Record<string, string>;
  }[];
  accountFactory: typeof SEED_ACCOUNT_FACTORY;
  options: SeedOptions;
}

export function describeSeed(
  state: SandboxState,
  options: SeedOptions,
): SandboxSeed {
  const { organization } = state;
  return {
    organizationId: organization.id,
    rootId: organization.rootId,
    managementAccountId: organization.managementAccountId,
    delegatedAdminAccountId: state.delegatedAdminAccountId,
    homeRegion: SEED_ORGANIZATION.homeRegion,
    regions: [...state.regions],
    findingsPerAccount: state.options.findingsPerAccount,
    organizationalUnits: [...organization.units.values()].map(u => ({ ...u })),
    accounts: [...organization.accounts.values()].map(a => ({
      id: a.id,
      name: a.name,
      email: a.email,
      parentId: a.parentId,
      status: a.status,
      tags: { ...(organization.tags.get(a.id) ?? {}) },
    })),
    accountFactory: SEED_ACCOUNT_FACTORY,
    options,
  };
}
