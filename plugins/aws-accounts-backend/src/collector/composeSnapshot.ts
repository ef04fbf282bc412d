import {
  PostureSnapshot,
  SecurityServiceStatus,
  SeverityCounts,
  SourceError,
} from '@sra-backstage/plugin-aws-accounts-common';
import { FindingStore } from '../database/FindingStore';
import { evaluateBaseline } from './baseline/evaluateBaseline';
import { serviceCheckOutcomes } from './baseline/serviceCheckOutcomes';
import { InspectorAccountCounts } from './inspector';
import { AccountSourcesResult } from './readAccountSources';
import { FindingsSourcesResult } from './readFindingsSources';
import {
  countControls,
  evaluateControls,
  securityScore,
} from './securityHubControls';

const TOP_FAILING_CONTROLS = 10;
const TOP_GUARDDUTY_FINDINGS = 5;

/** Everything read for one account in one run. */
export interface AccountReads {
  accountId: string;
  regions: string[];
  homeRegion: string;
  collectedAt: string;
  findingsSources: FindingsSourcesResult;
  accountSources: AccountSourcesResult;
  /** GuardDuty counts per Region; a Region missing here could not be read. */
  guardDutyCounts: Map<string, SeverityCounts>;
  /** Errors of the per-account aggregation reads (GuardDuty, coverage). */
  errors: SourceError[];
}

function failedSource(errors: SourceError[], source: string): boolean {
  return errors.some(error => error.source === source);
}

function sumCounts(counts: SeverityCounts[]): SeverityCounts {
  const sum: SeverityCounts = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
  };
  for (const count of counts) {
    for (const key of Object.keys(sum) as Array<keyof SeverityCounts>) {
      sum[key] += count[key];
    }
  }
  return sum;
}

/**
 * Inspector counts: critical, high and medium from the account aggregation
 * (which counts nothing else), low, informational and untriaged from the
 * stored active findings.
 */
function inspectorCounts(
  aggregated: InspectorAccountCounts[],
  stored: SeverityCounts,
): SeverityCounts {
  return {
    CRITICAL: aggregated.reduce((sum, counts) => sum + counts.critical, 0),
    HIGH: aggregated.reduce((sum, counts) => sum + counts.high, 0),
    MEDIUM: aggregated.reduce((sum, counts) => sum + counts.medium, 0),
    LOW: stored.LOW,
    INFORMATIONAL: stored.INFORMATIONAL,
    UNTRIAGED: stored.UNTRIAGED,
  };
}

function inspectorServices(reads: AccountReads): SecurityServiceStatus[] {
  const services: SecurityServiceStatus[] = [];
  for (const region of reads.regions) {
    const state = reads.findingsSources.inspectorStates
      .get(region)
      ?.get(reads.accountId);
    const regionError = reads.findingsSources.errors.find(
      error => error.source === 'inspector' && error.region === region,
    );
    for (const [service, status] of [
      ['inspector-ec2', state?.ec2],
      ['inspector-ecr', state?.ecr],
      ['inspector-lambda', state?.lambda],
    ] as const) {
      if (!state || state.error || regionError) {
        services.push({
          service,
          region,
          state: 'UNKNOWN',
          reason:
            state?.error ??
            regionError?.reason ??
            'Inspector did not report on the account',
        });
      } else if (status === 'ENABLED') {
        services.push({ service, region, state: 'ON' });
      } else {
        services.push({
          service,
          region,
          state: 'OFF',
          reason: `scanning is ${status ?? 'not enabled'}`,
        });
      }
    }
  }
  return services;
}

/**
 * Builds the account's snapshot from the run's reads and the stored
 * findings. A source that failed in any Region is null with its errors
 * listed, never zero.
 */
export async function composeSnapshot(
  reads: AccountReads,
  findings: FindingStore,
): Promise<{ snapshot: PostureSnapshot; complete: boolean }> {
  const { accountId, accountSources, findingsSources } = reads;
  const roleErrors: SourceError[] = accountSources.roleError
    ? [{ source: 'role', reason: accountSources.roleError }]
    : [];
  const errors = [
    ...findingsSources.errors,
    ...roleErrors,
    ...accountSources.errors,
    ...reads.errors,
  ];

  const securityHubFailed = failedSource(findingsSources.errors, 'securityhub');
  // An account that is not subscribed has no Security Hub numbers at all,
  // which is not the same as zero findings.
  const hubStatuses = accountSources.services.filter(
    s => s.service === 'securityhub',
  );
  const securityHubOff =
    hubStatuses.length > 0 &&
    hubStatuses.every(status => status.state === 'OFF');
  const controlFindings = securityHubFailed
    ? []
    : await findings.controlFindings(accountId);
  const controls = evaluateControls(controlFindings);
  const controlCounts = countControls(controls);

  const guardDutyRead =
    !failedSource(findingsSources.errors, 'guardduty') &&
    !failedSource(reads.errors, 'guardduty') &&
    reads.regions.every(region => reads.guardDutyCounts.has(region));
  const inspectorRead =
    !failedSource(findingsSources.errors, 'inspector') &&
    reads.regions.every(region => findingsSources.inspectorCounts.has(region));
  const coverageRead =
    !failedSource(findingsSources.errors, 'inspector-coverage') &&
    reads.regions.every(region =>
      findingsSources.inspectorCoverage.has(region),
    );

  const services: SecurityServiceStatus[] = accountSources.roleError
    ? (
        ['securityhub', 'guardduty', 'config', 'access-analyzer'] as const
      ).flatMap(service =>
        reads.regions.map(region => ({
          service,
          region,
          state: 'UNKNOWN' as const,
          reason: accountSources.roleError,
        })),
      )
    : [...accountSources.services];
  services.push(...inspectorServices(reads));

  const direct = accountSources.roleError
    ? new Map()
    : new Map(accountSources.direct);
  for (const [checkId, byRegion] of serviceCheckOutcomes(services)) {
    direct.set(checkId, byRegion);
  }
  const checks = evaluateBaseline({
    regions: reads.regions,
    homeRegion: reads.homeRegion,
    fsbpRegions: accountSources.fsbpRegions,
    controlFindings,
    direct,
  }).map(check =>
    check.status === 'UNKNOWN' &&
    accountSources.roleError &&
    check.source === 'direct'
      ? { ...check, reason: accountSources.roleError }
      : check,
  );

  const coverage = coverageRead
    ? reads.regions
        .map(
          region =>
            findingsSources.inspectorCoverage.get(region)?.get(accountId) ?? {
              covered: 0,
              byResourceType: {},
            },
        )
        .reduce(
          (sum, regional) => {
            sum.covered += regional.covered;
            for (const [type, count] of Object.entries(
              regional.byResourceType,
            )) {
              sum.byResourceType[type] =
                (sum.byResourceType[type] ?? 0) + count;
            }
            return sum;
          },
          { covered: 0, byResourceType: {} as Record<string, number> },
        )
    : null;

  const snapshot: PostureSnapshot = {
    accountId,
    collectedAt: reads.collectedAt,
    regions: reads.regions,
    score:
      securityHubFailed || securityHubOff ? null : securityScore(controlCounts),
    controls: controlCounts,
    findings: {
      securityhub:
        securityHubFailed || securityHubOff
          ? null
          : await findings.countActive(accountId, 'securityhub'),
      guardduty: guardDutyRead
        ? sumCounts([...reads.guardDutyCounts.values()])
        : null,
      inspector: inspectorRead
        ? inspectorCounts(
            reads.regions.flatMap(region => {
              const counts = findingsSources.inspectorCounts
                .get(region)
                ?.get(accountId);
              return counts ? [counts] : [];
            }),
            await findings.countActive(accountId, 'inspector'),
          )
        : null,
      accessAnalyzer:
        accountSources.accessAnalyzerFindings === undefined ||
        accountSources.roleError
          ? null
          : { active: accountSources.accessAnalyzerFindings },
    },
    config: accountSources.roleError ? null : accountSources.config ?? null,
    inspectorCoverage: coverage,
    services,
    checks,
    topFailingControls: controls
      .filter(control => control.status === 'FAILED')
      .slice(0, TOP_FAILING_CONTROLS),
    topGuardDutyFindings: guardDutyRead
      ? await findings.top(accountId, 'guardduty', TOP_GUARDDUTY_FINDINGS)
      : [],
    errors,
  };

  const anyRead =
    !securityHubFailed ||
    guardDutyRead ||
    inspectorRead ||
    !accountSources.roleError;
  return { snapshot, complete: anyRead };
}
