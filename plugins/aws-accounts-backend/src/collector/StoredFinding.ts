import { createHash } from 'node:crypto';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * A finding as the store keeps it: the served {@link Finding} plus what the
 * collector needs to decide whether it is active and, for Security Hub
 * control findings, which control it reports on.
 */
export interface StoredFinding extends Finding {
  /** Whether the finding counts: not closed, archived, suppressed or resolved. */
  active: boolean;
  /** Security Hub control findings: the FSBP control id, such as `EC2.8`. */
  controlId?: string;
  /** Security Hub control findings: PASSED, FAILED, WARNING or NOT_AVAILABLE. */
  complianceStatus?: string;
  /** Security Hub: ACTIVE or ARCHIVED. */
  recordState?: string;
  /** Security Hub: NEW, NOTIFIED, SUPPRESSED or RESOLVED. */
  workflowStatus?: string;
}

/** A stable id for a finding, safe in a URL, from its source and ARN. */
export function findingIdOf(source: string, arn: string): string {
  return createHash('sha256')
    .update(`${source}\n${arn}`)
    .digest('hex')
    .slice(0, 32);
}

/** An ISO timestamp from an SDK `Date` or a JSON string; undefined if neither. */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  if (typeof value === 'string' && value) {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  }
  return undefined;
}

/** The Region part of an ARN, if it has one. */
export function regionOfArn(arn?: string): string | undefined {
  const region = arn?.split(':')[3];
  return region ? region : undefined;
}
