import {
  CheckEvidence,
  CheckStatus,
} from '@sra-backstage/plugin-aws-accounts-common';

/** The verdict of one check in one Region. */
export interface CheckOutcome {
  status: CheckStatus;
  evidence: CheckEvidence[];
  /** Why the status is UNKNOWN or NOT_APPLICABLE. */
  reason?: string;
}

export function pass(): CheckOutcome {
  return { status: 'PASS', evidence: [] };
}

export function notApplicable(reason: string): CheckOutcome {
  return { status: 'NOT_APPLICABLE', evidence: [], reason };
}

export function unknown(reason: string): CheckOutcome {
  return { status: 'UNKNOWN', evidence: [], reason };
}

/** FAIL with the failing resources, or PASS when there are none. */
export function failIfAny(evidence: CheckEvidence[]): CheckOutcome {
  return evidence.length > 0 ? { status: 'FAIL', evidence } : pass();
}
