import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import {
  FindingSource,
  SourceError,
} from '@sra-backstage/plugin-aws-accounts-common';
import { FindingStore } from '../database/FindingStore';
import { SyncStateStore } from '../database/SyncStateStore';
import { attempt } from './attempt';
import { readDetectorId, readGuardDutyFindings } from './guardDuty';
import {
  InspectorAccountCounts,
  InspectorAccountState,
  InspectorCoverage,
  readInspectorAccountCounts,
  readInspectorCoverage,
  readInspectorAccountStates,
  readInspectorFindings,
} from './inspector';
import { readSecurityHubFindings } from './securityHub';
import { ScopedClients } from './ScopedClients';
import { FindingsSyncOutcome, syncFindings } from './syncFindings';

/** Where Security Hub, Inspector and GuardDuty are read from, and for whom. */
export interface FindingsSourcesScope {
  /** An account id, or the organization for the delegated administrator. */
  scope: string;
  clients: ScopedClients;
  regions: string[];
  /** The accounts whose findings are kept; sent as a filter when `filterAccounts`. */
  accountIds: string[];
  /**
   * Whether AWS is asked for these accounts only. A delegated administrator
   * reads all members in one stream instead (one stream, not one per
   * account) and findings of accounts not collected are dropped.
   */
  filterAccounts: boolean;
  overlapMs: number;
}

/** What the findings sources said, per Region, for every account in scope. */
export interface FindingsSourcesResult {
  /** Failures per source and Region; they apply to every account in scope. */
  errors: SourceError[];
  inspectorCounts: Map<string, Map<string, InspectorAccountCounts>>;
  inspectorStates: Map<string, Map<string, InspectorAccountState>>;
  /** Per Region, per account; an account missing from a read Region covers nothing. */
  inspectorCoverage: Map<string, Map<string, InspectorCoverage>>;
  guardDutyDetectors: Map<string, string>;
  syncs: Array<{ source: FindingSource; region: string } & FindingsSyncOutcome>;
}

/**
 * Syncs Security Hub, Inspector and GuardDuty findings into the store and
 * reads the aggregations that are cheaper per scope than per account
 * (Inspector account counts and account status).
 */
export async function readFindingsSources(
  target: FindingsSourcesScope,
  stores: { findings: FindingStore; syncState: SyncStateStore },
): Promise<FindingsSourcesResult> {
  const result: FindingsSourcesResult = {
    errors: [],
    inspectorCounts: new Map(),
    inspectorStates: new Map(),
    inspectorCoverage: new Map(),
    guardDutyDetectors: new Map(),
    syncs: [],
  };
  const knownAccounts = new Set(target.accountIds);
  const accountFilter = target.filterAccounts ? target.accountIds : undefined;
  const where = target.filterAccounts
    ? `account ${target.accountIds.join(', ')}`
    : 'the Security Tooling account';

  // Sources and Regions are read side by side: each stream has its own
  // published quota, and a full read of a large organization is bound by
  // how many pages are in flight.
  await Promise.all(
    target.regions.map(async region => {
      const sync = (source: FindingSource) => ({
        scope: target.scope,
        source,
        region,
        knownAccounts,
        overlapMs: target.overlapMs,
      });

      const readSecurityHub = async () => {
        const outcome = await attempt(
          result.errors,
          'securityhub',
          region,
          `Reading Security Hub findings in ${region} from ${where}`,
          async () => {
            const client = await target.clients(
              SecurityHubClient,
              'securityhub',
              region,
            );
            return syncFindings(sync('securityhub'), stores, updatedSince =>
              readSecurityHubFindings(client, {
                region,
                accountIds: accountFilter,
                updatedSince,
              }),
            );
          },
        );
        if (outcome) {
          result.syncs.push({ source: 'securityhub', region, ...outcome });
        }
      };

      const readInspector = async () => {
        const outcome = await attempt(
          result.errors,
          'inspector',
          region,
          `Reading Inspector findings in ${region} from ${where}`,
          async () => {
            const client = await target.clients(
              Inspector2Client,
              'inspector2',
              region,
            );
            result.inspectorCounts.set(
              region,
              await readInspectorAccountCounts(client, accountFilter),
            );
            result.inspectorStates.set(
              region,
              await readInspectorAccountStates(client, target.accountIds),
            );
            return syncFindings(sync('inspector'), stores, updatedSince =>
              readInspectorFindings(client, {
                region,
                accountIds: accountFilter,
                updatedSince,
              }),
            );
          },
        );
        if (outcome) {
          result.syncs.push({ source: 'inspector', region, ...outcome });
        }
        await attempt(
          result.errors,
          'inspector-coverage',
          region,
          `Reading Inspector coverage in ${region} from ${where}`,
          async () => {
            const client = await target.clients(
              Inspector2Client,
              'inspector2',
              region,
            );
            result.inspectorCoverage.set(
              region,
              await readInspectorCoverage(client, accountFilter),
            );
          },
        );
      };

      const readGuardDuty = async () => {
        const outcome = await attempt(
          result.errors,
          'guardduty',
          region,
          `Reading GuardDuty findings in ${region} from ${where}`,
          async () => {
            const client = await target.clients(
              GuardDutyClient,
              'guardduty',
              region,
            );
            const detectorId = await readDetectorId(client);
            if (!detectorId) {
              throw new Error(
                `GuardDuty has no detector in ${region} for ${where}; enable GuardDuty there`,
              );
            }
            result.guardDutyDetectors.set(region, detectorId);
            return syncFindings(sync('guardduty'), stores, updatedSince =>
              readGuardDutyFindings(client, detectorId, {
                region,
                accountIds: accountFilter,
                updatedSince,
              }),
            );
          },
        );
        if (outcome) {
          result.syncs.push({ source: 'guardduty', region, ...outcome });
        }
      };

      await Promise.all([readSecurityHub(), readInspector(), readGuardDuty()]);
    }),
  );

  return result;
}
