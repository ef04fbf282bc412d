/**
 * A local AWS for development, tests and benchmarks: the real wire
 * protocols of the services the portal uses, seeded with an SRA-shaped
 * organization.
 *
 * @packageDocumentation
 */

export { startSandbox, DEFAULT_SANDBOX_PORT } from './startSandbox';
export { installLoopbackResolver } from './installLoopbackResolver';
export type { SandboxOptions, SandboxHandle } from './startSandbox';
export type { SandboxControl } from './control/SandboxControl';
export type {
  OperationFailure,
  OperationLatency,
} from './control/FaultInjector';
export type { SeedOptions } from './seed/buildSandboxState';
export type { SandboxSeed } from './seed/describeSeed';
export type { SandboxLogger } from './server/SandboxServer';
export type { QuotaRate } from './quotas/quotaTable';
export { QUOTA_TABLE } from './quotas/quotaTable';
export {
  SEED_ACCOUNTS,
  SEED_ACCOUNT_FACTORY,
  SEED_DELEGATED_ADMIN_ACCOUNT_ID,
  SEED_ORGANIZATION,
  SEED_OUS,
  SEED_ROLE_NAMES,
} from './seed/defaultOrganization';
export type {
  SeedAccount,
  SeedBaselineProfile,
  SeedOrganizationalUnit,
} from './seed/defaultOrganization';
