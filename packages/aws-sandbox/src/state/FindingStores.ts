import { FindingIndex } from '../seed/findings/FindingIndex';
import { FindingQueryRunner } from '../seed/findings/FindingQuery';
import {
  guardDutyAttributes,
  GUARDDUTY_COLUMNS,
  GuardDutyColumn,
} from '../services/guardduty/guardDutyFindings';
import { inspectorAttributes } from '../services/inspector2/inspectorFindings';
import {
  SECURITY_HUB_COLUMNS,
  SecurityHubColumn,
  securityHubAttributes,
  securityHubFindingCount,
} from '../services/securityhub/securityHubFindings';
import type { SandboxState } from './SandboxState';

export const INSPECTOR_COLUMNS = [
  'severity',
  'status',
  'resourceType',
  'findingType',
  'region',
  'vulnerability',
  'fixAvailable',
  'exploitAvailable',
] as const;
export type InspectorColumn = (typeof INSPECTOR_COLUMNS)[number];

export interface FindingStore<K extends string> {
  index: FindingIndex<K>;
  query: FindingQueryRunner<K>;
}

/**
 * The findings of Inspector, Security Hub and GuardDuty, indexed on first
 * use. Accounts that are active and seeded with findings take part;
 * accounts vended later start with none, like a new account.
 */
export class FindingStores {
  readonly #state: SandboxState;
  #inspector?: FindingStore<InspectorColumn>;
  #securityHub?: FindingStore<SecurityHubColumn>;
  #guardDuty?: FindingStore<GuardDutyColumn>;

  constructor(state: SandboxState) {
    this.#state = state;
  }

  #accounts(extra?: (accountId: string) => boolean): string[] {
    const ids: string[] = [];
    for (const account of this.#state.organization.accounts.values()) {
      const profile = this.#state.profile(account.id);
      if (
        account.status === 'ACTIVE' &&
        profile &&
        (!extra || extra(account.id))
      ) {
        ids.push(account.id);
      }
    }
    return ids;
  }

  inspector(): FindingStore<InspectorColumn> {
    if (!this.#inspector) {
      const regions = this.#state.regions.length;
      const index = new FindingIndex(
        this.#accounts(),
        id => this.#state.profile(id)?.findings ?? 0,
        INSPECTOR_COLUMNS,
        (accountId, local, set) => {
          const a = inspectorAttributes(accountId, local, regions);
          for (const column of INSPECTOR_COLUMNS) set(column, a[column]);
          return a.updatedAt;
        },
      );
      this.#inspector = { index, query: new FindingQueryRunner(index) };
    }
    return this.#inspector;
  }

  securityHub(): FindingStore<SecurityHubColumn> {
    if (!this.#securityHub) {
      const state = this.#state;
      const index = new FindingIndex(
        this.#accounts(id => state.profile(id)!.securityHubSubscribed),
        id => securityHubFindingCount(state.profile(id)!, state.regions.length),
        SECURITY_HUB_COLUMNS,
        (accountId, local, set) => {
          const a = securityHubAttributes(
            accountId,
            local,
            state.profile(accountId)!,
            state.regions.length,
          );
          for (const column of SECURITY_HUB_COLUMNS) set(column, a[column]);
          return a.updatedAt;
        },
      );
      this.#securityHub = { index, query: new FindingQueryRunner(index) };
    }
    return this.#securityHub;
  }

  guardDuty(): FindingStore<GuardDutyColumn> {
    if (!this.#guardDuty) {
      const regions = this.#state.regions.length;
      const index = new FindingIndex(
        this.#accounts(),
        id => this.#state.profile(id)?.findings ?? 0,
        GUARDDUTY_COLUMNS,
        (accountId, local, set) => {
          const a = guardDutyAttributes(accountId, local, regions);
          for (const column of GUARDDUTY_COLUMNS) set(column, a[column]);
          return a.updatedAt;
        },
      );
      this.#guardDuty = { index, query: new FindingQueryRunner(index) };
    }
    return this.#guardDuty;
  }
}
