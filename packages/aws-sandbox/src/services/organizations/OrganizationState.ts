import {
  SeedAccount,
  SeedOrganizationalUnit,
} from '../../seed/defaultOrganization';

/** An account as Organizations keeps it. */
export interface OrganizationAccount {
  id: string;
  name: string;
  email: string;
  parentId: string;
  status: 'ACTIVE' | 'SUSPENDED';
  joinedMethod: 'INVITED' | 'CREATED';
  joinedAt: Date;
}

/**
 * The organization: its root, organizational units, accounts and the tags
 * on each of them. Children are indexed by parent so listing one OU stays
 * cheap in a thousand-account organization.
 */
export class OrganizationState {
  readonly id: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly accounts = new Map<string, OrganizationAccount>();
  readonly units = new Map<string, SeedOrganizationalUnit>();
  readonly tags = new Map<string, Record<string, string>>();
  readonly #accountsByParent = new Map<string, string[]>();
  readonly #unitsByParent = new Map<string, string[]>();

  constructor(id: string, rootId: string, managementAccountId: string) {
    this.id = id;
    this.rootId = rootId;
    this.managementAccountId = managementAccountId;
  }

  get arn(): string {
    return `arn:aws:organizations::${this.managementAccountId}:organization/${this.id}`;
  }

  accountArn(accountId: string): string {
    return `arn:aws:organizations::${this.managementAccountId}:account/${this.id}/${accountId}`;
  }

  unitArn(unitId: string): string {
    return `arn:aws:organizations::${this.managementAccountId}:ou/${this.id}/${unitId}`;
  }

  rootArn(): string {
    return `arn:aws:organizations::${this.managementAccountId}:root/${this.id}/${this.rootId}`;
  }

  addUnit(unit: SeedOrganizationalUnit) {
    this.units.set(unit.id, { ...unit });
    push(this.#unitsByParent, unit.parentId, unit.id);
  }

  addAccount(
    seed: Pick<
      SeedAccount,
      'id' | 'name' | 'email' | 'parentId' | 'status' | 'tags'
    >,
    joinedMethod: OrganizationAccount['joinedMethod'],
    joinedAt: Date,
  ) {
    this.accounts.set(seed.id, {
      id: seed.id,
      name: seed.name,
      email: seed.email,
      parentId: seed.parentId,
      status: seed.status,
      joinedMethod,
      joinedAt,
    });
    this.tags.set(seed.id, { ...seed.tags });
    push(this.#accountsByParent, seed.parentId, seed.id);
  }

  accountIdsIn(parentId: string): string[] {
    return this.#accountsByParent.get(parentId) ?? [];
  }

  unitIdsIn(parentId: string): string[] {
    return this.#unitsByParent.get(parentId) ?? [];
  }

  isParent(id: string): boolean {
    return id === this.rootId || this.units.has(id);
  }

  emailInUse(email: string): boolean {
    const wanted = email.toLowerCase();
    for (const existing of this.accounts.values()) {
      if (existing.email.toLowerCase() === wanted) {
        return true;
      }
    }
    return false;
  }

  /** The names from the root to a parent, e.g. `Root/Workloads/Prod`. */
  pathTo(parentId: string): string[] {
    const names: string[] = [];
    let current = this.units.get(parentId);
    while (current) {
      names.unshift(current.name);
      current = this.units.get(current.parentId);
    }
    return ['Root', ...names];
  }
}

function push(index: Map<string, string[]>, key: string, value: string) {
  const list = index.get(key);
  if (list) {
    list.push(value);
  } else {
    index.set(key, [value]);
  }
}
