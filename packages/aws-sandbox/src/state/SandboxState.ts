import {
  SEED_ORGANIZATION,
  SEED_ROLE_NAMES,
  SeedBaselineProfile,
} from '../seed/defaultOrganization';
import { CloudFormationState } from '../services/cloudformation/CloudFormationState';
import { Ec2Resources } from '../services/ec2/Ec2Resources';
import { OrganizationState } from '../services/organizations/OrganizationState';
import { ServiceCatalogState } from '../services/servicecatalog/ServiceCatalogState';
import { FindingStores } from './FindingStores';
import { SessionRegistry } from '../services/sts/SessionRegistry';
import {
  AccountRegionResources,
  seedAccountRegionResources,
} from './AccountRegionResources';
import { completeRecord } from '../services/servicecatalog/completeRecord';

/**
 * S3 Block Public Access at account level, as S3 Control holds it.
 *
 * @public
 */
export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** A Security Hub custom insight. */
export interface SecurityHubInsight {
  InsightArn: string;
  Name: string;
  Filters: Record<string, unknown>;
  GroupByAttribute: string;
}

/** How the seed set an account up, beyond what Organizations records. */
export interface AccountProfile {
  baseline: SeedBaselineProfile;
  securityHubSubscribed: boolean;
  /** Findings per account and service that the generator makes. */
  findings: number;
}

export interface SandboxStateOptions {
  provisioningDelayMs: number;
  findingsPerAccount: number;
}

/**
 * Everything the sandbox serves. Per-account, per-Region resources are
 * built on first use from the account's baseline profile, so a
 * thousand-account organization costs memory only for what is read.
 */
export class SandboxState {
  readonly organization: OrganizationState;
  readonly profiles = new Map<string, AccountProfile>();
  readonly roles = new Map<string, Set<string>>();
  readonly deniedRoles = new Set<string>();
  /** Security Hub insights by ARN. */
  readonly insights = new Map<string, SecurityHubInsight>();
  readonly publicAccessBlocks = new Map<string, PublicAccessBlock | null>();
  readonly serviceCatalog: ServiceCatalogState;
  readonly cloudFormation: CloudFormationState;
  readonly findings: FindingStores;
  readonly regions: string[] = [...SEED_ORGANIZATION.governedRegions];
  readonly homeRegion: string = SEED_ORGANIZATION.homeRegion;
  readonly delegatedAdminAccountId: string;
  readonly options: SandboxStateOptions;
  /** Kept across resets: callers keep their assumed-role credentials. */
  readonly sessions: SessionRegistry;
  readonly #regional = new Map<string, AccountRegionResources>();
  #vendedAccounts = 0;

  constructor(
    organization: OrganizationState,
    delegatedAdminAccountId: string,
    options: SandboxStateOptions,
    sessions: SessionRegistry,
  ) {
    this.sessions = sessions;
    this.organization = organization;
    this.delegatedAdminAccountId = delegatedAdminAccountId;
    this.options = options;
    this.serviceCatalog = new ServiceCatalogState(
      () => this.options.provisioningDelayMs,
    );
    this.cloudFormation = new CloudFormationState(
      () => this.options.provisioningDelayMs,
    );
    this.findings = new FindingStores(this);
  }

  /** Applies every provisioning and stack event that is due. */
  advance(now: number) {
    this.cloudFormation.advance(now);
    this.serviceCatalog.advance(now, {
      complete: (record, product) => completeRecord(this, record, product, now),
    });
    this.cloudFormation.advance(now);
  }

  profile(accountId: string): AccountProfile | undefined {
    return this.profiles.get(accountId);
  }

  /** EC2 and the other regional resources of an account, seeded on first use. */
  regional(accountId: string, region: string): AccountRegionResources {
    const key = `${accountId}:${region}`;
    let resources = this.#regional.get(key);
    if (!resources) {
      const baseline = this.profile(accountId)?.baseline ?? 'fresh';
      resources = seedAccountRegionResources(
        accountId,
        region,
        this.organization.id,
        baseline,
      );
      this.#regional.set(key, resources);
    }
    return resources;
  }

  ec2(accountId: string, region: string): Ec2Resources {
    return this.regional(accountId, region).ec2;
  }

  publicAccessBlock(accountId: string): PublicAccessBlock | null {
    if (!this.publicAccessBlocks.has(accountId)) {
      const compliant = this.profile(accountId)?.baseline === 'compliant';
      this.publicAccessBlocks.set(
        accountId,
        compliant
          ? {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: true,
            }
          : null,
      );
    }
    return this.publicAccessBlocks.get(accountId) ?? null;
  }

  roleExists(accountId: string, roleName: string): boolean {
    return this.roles.get(accountId)?.has(roleName) ?? false;
  }

  assumeRoleDenied(accountId: string, roleName: string): boolean {
    return (
      this.deniedRoles.has(`${accountId}/*`) ||
      this.deniedRoles.has(`${accountId}/${roleName}`)
    );
  }

  /**
   * Creates an account the way Account Factory does: in the OU, with the
   * Control Tower roles and the posture read role that the organization's
   * customizations deploy, and AWS defaults for everything else.
   */
  vendAccount(
    name: string,
    email: string,
    parentId: string,
    now: number,
  ): string {
    this.#vendedAccounts += 1;
    const id = `9${String(this.#vendedAccounts).padStart(11, '0')}`;
    this.organization.addAccount(
      { id, name, email, parentId, status: 'ACTIVE', tags: {} },
      'CREATED',
      new Date(now),
    );
    this.profiles.set(id, {
      baseline: 'fresh',
      securityHubSubscribed: true,
      findings: 0,
    });
    this.roles.set(
      id,
      new Set([
        SEED_ROLE_NAMES.organizationAccess,
        SEED_ROLE_NAMES.controlTowerExecution,
        SEED_ROLE_NAMES.postureRead,
      ]),
    );
    return id;
  }
}
