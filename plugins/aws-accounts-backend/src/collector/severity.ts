import {
  Severity,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';

const ASFF_LABELS = new Set<string>([
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
]);

/**
 * Rank of a severity for sorting, most severe first when sorted descending.
 */
export const SEVERITY_RANK: Record<Severity, number> = {
  CRITICAL: 5,
  HIGH: 4,
  MEDIUM: 3,
  LOW: 2,
  INFORMATIONAL: 1,
  UNTRIAGED: 0,
};

/** Counts with every severity at zero, to add findings to. */
export function emptySeverityCounts(): SeverityCounts {
  return {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    UNTRIAGED: 0,
  };
}

/**
 * The severity of a Security Hub (ASFF) finding: `Severity.Label`, and the
 * deprecated `Severity.Normalized` only when there is no label, banded as
 * Security Hub documents it (0 informational, 1–39 low, 40–69 medium,
 * 70–89 high, 90–100 critical).
 */
export function severityFromAsff(severity?: {
  Label?: string;
  Normalized?: number;
}): Severity {
  const label = severity?.Label?.toUpperCase();
  if (label && ASFF_LABELS.has(label)) {
    return label as Severity;
  }
  const normalized = severity?.Normalized;
  if (typeof normalized !== 'number' || Number.isNaN(normalized)) {
    return 'UNTRIAGED';
  }
  if (normalized >= 90) return 'CRITICAL';
  if (normalized >= 70) return 'HIGH';
  if (normalized >= 40) return 'MEDIUM';
  if (normalized >= 1) return 'LOW';
  return 'INFORMATIONAL';
}

/**
 * GuardDuty's numeric severity in its documented bands: low 1–3.9,
 * medium 4–6.9, high 7–8.9, critical 9–10.
 */
export function severityFromGuardDuty(severity?: number): Severity {
  if (typeof severity !== 'number' || Number.isNaN(severity)) {
    return 'UNTRIAGED';
  }
  if (severity >= 9) return 'CRITICAL';
  if (severity >= 7) return 'HIGH';
  if (severity >= 4) return 'MEDIUM';
  if (severity >= 1) return 'LOW';
  return 'INFORMATIONAL';
}

/** Inspector's own severity label; anything unexpected is untriaged. */
export function severityFromInspector(severity?: string): Severity {
  const label = severity?.toUpperCase();
  if (label && label in SEVERITY_RANK) {
    return label as Severity;
  }
  return 'UNTRIAGED';
}
