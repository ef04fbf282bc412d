import {
  ControlResult,
  ControlStatus,
} from '@sra-backstage/plugin-aws-accounts-common';
import { SEVERITY_RANK } from './severity';
import { StoredFinding } from './StoredFinding';

/** The control findings the console's rules look at. */
export type ControlFinding = Pick<
  StoredFinding,
  | 'controlId'
  | 'complianceStatus'
  | 'recordState'
  | 'workflowStatus'
  | 'severity'
  | 'resourceId'
  | 'resourceType'
  | 'region'
  | 'title'
>;

/**
 * A control's status by the Security Hub console's rules: archived and
 * suppressed findings are ignored; PASSED when all remaining passed, FAILED
 * when any failed, UNKNOWN when any is WARNING or NOT_AVAILABLE and none
 * failed, NO_DATA when none remain.
 */
export function controlStatusOf(findings: ControlFinding[]): ControlStatus {
  const considered = findings.filter(
    finding =>
      finding.recordState !== 'ARCHIVED' &&
      finding.workflowStatus !== 'SUPPRESSED',
  );
  if (considered.length === 0) {
    return 'NO_DATA';
  }
  if (considered.some(finding => finding.complianceStatus === 'FAILED')) {
    return 'FAILED';
  }
  if (considered.every(finding => finding.complianceStatus === 'PASSED')) {
    return 'PASSED';
  }
  return 'UNKNOWN';
}

/** Control results, one per control id, most severe failures first. */
export function evaluateControls(findings: ControlFinding[]): ControlResult[] {
  const byControl = new Map<string, ControlFinding[]>();
  for (const finding of findings) {
    if (!finding.controlId) continue;
    const list = byControl.get(finding.controlId) ?? [];
    list.push(finding);
    byControl.set(finding.controlId, list);
  }

  const results: ControlResult[] = [];
  for (const [controlId, controlFindings] of byControl) {
    const status = controlStatusOf(controlFindings);
    const failed = controlFindings.filter(
      finding =>
        finding.complianceStatus === 'FAILED' &&
        finding.recordState !== 'ARCHIVED' &&
        finding.workflowStatus !== 'SUPPRESSED',
    );
    const severity = failed[0]?.severity ?? controlFindings[0]?.severity;
    results.push({
      controlId,
      title: controlFindings[0]?.title,
      status,
      severity,
      failedResourceCount: new Set(
        failed.map(finding => finding.resourceId ?? ''),
      ).size,
    });
  }

  return results.sort(
    (a, b) =>
      Number(b.status === 'FAILED') - Number(a.status === 'FAILED') ||
      SEVERITY_RANK[b.severity ?? 'UNTRIAGED'] -
        SEVERITY_RANK[a.severity ?? 'UNTRIAGED'] ||
      a.controlId.localeCompare(b.controlId),
  );
}

/** Controls counted by status. */
export interface ControlCounts {
  passed: number;
  failed: number;
  unknown: number;
  noData: number;
}

export function countControls(controls: ControlResult[]): ControlCounts {
  const counts: ControlCounts = { passed: 0, failed: 0, unknown: 0, noData: 0 };
  for (const control of controls) {
    if (control.status === 'PASSED') counts.passed += 1;
    else if (control.status === 'FAILED') counts.failed += 1;
    else if (control.status === 'UNKNOWN') counts.unknown += 1;
    else counts.noData += 1;
  }
  return counts;
}

/**
 * The security score as the console computes it: passed controls over
 * controls with data (passed, failed, unknown), in whole percent, with no
 * severity weighting. Null when no control has data. No AWS API returns it.
 */
export function securityScore(counts: ControlCounts): number | null {
  const withData = counts.passed + counts.failed + counts.unknown;
  if (withData === 0) {
    return null;
  }
  return Math.round((counts.passed / withData) * 100);
}
