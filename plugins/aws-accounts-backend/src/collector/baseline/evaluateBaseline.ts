import {
  CheckEvidence,
  CheckResult,
  CheckStatus,
  SRA_CHECKS,
  SraCheckDefinition,
} from '@sra-backstage/plugin-aws-accounts-common';
import { ControlFinding, controlStatusOf } from '../securityHubControls';
import { CheckOutcome, unknown } from './CheckOutcome';

/** What the baseline is evaluated from, for one account. */
export interface BaselineInputs {
  /** The governed Regions. */
  regions: string[];
  /** Where checks of global settings (such as S3 account BPA) are placed. */
  homeRegion: string;
  /** Regions where the account's Security Hub runs the FSBP standard. */
  fsbpRegions: Set<string>;
  /** The account's Security Hub control findings. */
  controlFindings: ControlFinding[];
  /** Direct API outcomes by check id, then Region. */
  direct: Map<string, Map<string, CheckOutcome>>;
}

interface RegionalVerdict extends CheckOutcome {
  region: string;
  source: 'securityhub' | 'direct';
}

function fromControls(
  check: SraCheckDefinition,
  region: string,
  findings: ControlFinding[],
): CheckOutcome | undefined {
  const inRegion = findings.filter(
    finding =>
      finding.region === region &&
      finding.controlId !== undefined &&
      check.controlIds.includes(finding.controlId),
  );
  const statuses = check.controlIds.map(controlId =>
    controlStatusOf(
      inRegion.filter(finding => finding.controlId === controlId),
    ),
  );
  if (statuses.every(status => status === 'NO_DATA')) {
    return undefined;
  }
  if (statuses.includes('FAILED')) {
    const evidence: CheckEvidence[] = inRegion
      .filter(
        finding =>
          finding.complianceStatus === 'FAILED' &&
          finding.recordState !== 'ARCHIVED' &&
          finding.workflowStatus !== 'SUPPRESSED',
      )
      .map(finding => ({
        resourceId: finding.resourceId ?? 'unknown resource',
        resourceType: finding.resourceType,
        region,
        detail: `Security Hub control ${finding.controlId} failed`,
      }));
    return { status: 'FAIL', evidence };
  }
  if (statuses.includes('UNKNOWN')) {
    return unknown(
      `Security Hub reports ${check.controlIds.join(
        ', ',
      )} as unknown (WARNING or NOT_AVAILABLE) in ${region}`,
    );
  }
  return { status: 'PASS', evidence: [] };
}

function verdictFor(
  check: SraCheckDefinition,
  region: string,
  inputs: BaselineInputs,
): RegionalVerdict {
  if (check.controlIds.length > 0 && inputs.fsbpRegions.has(region)) {
    const outcome = fromControls(check, region, inputs.controlFindings);
    if (outcome) {
      return { ...outcome, region, source: 'securityhub' };
    }
  }

  const direct = inputs.direct.get(check.id)?.get(region);
  if (direct) {
    return { ...direct, region, source: 'direct' };
  }

  const controls = check.controlIds.length
    ? `Security Hub has no FSBP result for ${check.controlIds.join(
        ', ',
      )} in ${region}`
    : `no result in ${region}`;
  return {
    ...unknown(
      `${controls} and the posture service has no direct check for it; enable Security Hub with the FSBP standard to evaluate it`,
    ),
    region,
    source: 'direct',
  };
}

/**
 * The checks (as `checkId@region`) whose verdict the account's Security Hub
 * control findings already give, so their direct API reads can be skipped.
 * Whether FSBP is READY in the Region is checked by the caller.
 */
export function checksDecidedBySecurityHub(
  controlFindings: ControlFinding[],
  regions: string[],
): Set<string> {
  const decided = new Set<string>();
  for (const check of SRA_CHECKS) {
    if (check.controlIds.length === 0) continue;
    for (const region of regions) {
      const outcome = fromControls(check, region, controlFindings);
      if (outcome && outcome.status !== 'UNKNOWN') {
        decided.add(`${check.id}@${region}`);
      }
    }
  }
  return decided;
}

function combinedStatus(verdicts: RegionalVerdict[]): CheckStatus {
  const statuses = verdicts.map(verdict => verdict.status);
  if (statuses.includes('FAIL')) return 'FAIL';
  if (statuses.includes('UNKNOWN')) return 'UNKNOWN';
  if (statuses.includes('PASS')) return 'PASS';
  return 'NOT_APPLICABLE';
}

/**
 * Every SRA check for one account. In each Region the FSBP control
 * findings decide when Security Hub has them; otherwise the direct API
 * outcome decides; with neither the check is UNKNOWN with the reason. The
 * account's verdict is the worst Region's: FAIL, then UNKNOWN, then PASS.
 */
export function evaluateBaseline(inputs: BaselineInputs): CheckResult[] {
  return SRA_CHECKS.map(check => {
    const regions = check.regional ? inputs.regions : [inputs.homeRegion];
    const verdicts = regions.map(region => verdictFor(check, region, inputs));
    const status = combinedStatus(verdicts);
    const reasons = verdicts
      .filter(verdict => verdict.status === status && verdict.reason)
      .map(verdict => `${verdict.region}: ${verdict.reason}`);

    return {
      checkId: check.id,
      title: check.title,
      layer: check.layer,
      status,
      source: verdicts.some(verdict => verdict.source === 'securityhub')
        ? 'securityhub'
        : 'direct',
      controlIds: check.controlIds,
      regions,
      evidence: verdicts.flatMap(verdict => verdict.evidence),
      reason:
        status === 'UNKNOWN' || status === 'NOT_APPLICABLE'
          ? reasons.join('; ')
          : undefined,
      remediation: check.remediation,
    };
  });
}
