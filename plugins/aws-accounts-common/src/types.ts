/**
 * Severity of a finding, as the posture service stores it for every source.
 * `UNTRIAGED` is Inspector's own value for findings it has not scored yet.
 *
 * @public
 */
export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'MEDIUM'
  | 'LOW'
  | 'INFORMATIONAL'
  | 'UNTRIAGED';

/** @public */
export const SEVERITIES: readonly Severity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNTRIAGED',
];

/** Active findings counted by severity. @public */
export type SeverityCounts = Record<Severity, number>;

/**
 * What a source of posture data said on the last collection. `UNKNOWN`
 * always carries the reason: an error is never turned into zero or PASS.
 *
 * @public
 */
export type ServiceState = 'ON' | 'OFF' | 'UNKNOWN';

/** @public */
export type SecurityServiceId =
  | 'guardduty'
  | 'securityhub'
  | 'config'
  | 'access-analyzer'
  | 'inspector-ec2'
  | 'inspector-ecr'
  | 'inspector-lambda';

/** @public */
export interface SecurityServiceStatus {
  service: SecurityServiceId;
  region: string;
  state: ServiceState;
  /** Why the state is OFF or UNKNOWN, in words a user can act on. */
  reason?: string;
  /** Security Hub: the enabled standards, by name. */
  standards?: string[];
}

/** @public */
export type CheckStatus = 'PASS' | 'FAIL' | 'UNKNOWN' | 'NOT_APPLICABLE';

/**
 * The SRA's layered-defense view, innermost first.
 *
 * @public
 */
export type CheckLayer =
  | 'instance'
  | 'software'
  | 'network'
  | 'account'
  | 'organization';

/** @public */
export const CHECK_LAYERS: readonly CheckLayer[] = [
  'instance',
  'software',
  'network',
  'account',
  'organization',
];

/** A resource that makes a check fail. @public */
export interface CheckEvidence {
  resourceId: string;
  resourceType?: string;
  region?: string;
  detail?: string;
}

/** @public */
export interface CheckResult {
  checkId: string;
  title: string;
  layer: CheckLayer;
  status: CheckStatus;
  /** Which evidence decided: a Security Hub control, or a direct API read. */
  source: 'securityhub' | 'direct';
  /** The Security Hub controls that map to the check, such as `EC2.8`. */
  controlIds: string[];
  regions: string[];
  evidence: CheckEvidence[];
  /** Why the status is UNKNOWN or NOT_APPLICABLE. */
  reason?: string;
  remediation: string;
}

/** @public */
export type ControlStatus = 'PASSED' | 'FAILED' | 'UNKNOWN' | 'NO_DATA';

/** A Security Hub control, with its status by the console's rules. @public */
export interface ControlResult {
  controlId: string;
  title?: string;
  status: ControlStatus;
  severity?: Severity;
  failedResourceCount: number;
}

/** @public */
export type FindingSource =
  | 'inspector'
  | 'securityhub'
  | 'guardduty'
  | 'access-analyzer';

/** @public */
export const FINDING_SOURCES: readonly FindingSource[] = [
  'inspector',
  'securityhub',
  'guardduty',
  'access-analyzer',
];

/** @public */
export type FindingStatus = 'ACTIVE' | 'SUPPRESSED' | 'CLOSED';

/** @public */
export type FixAvailable = 'YES' | 'NO' | 'PARTIAL';

/**
 * A finding as the posture service stores and serves it, whichever service
 * reported it. Fields a source does not have are left out.
 *
 * @public
 */
export interface Finding {
  /** Stable id within the posture service, safe in a URL. */
  id: string;
  arn: string;
  accountId: string;
  /** The Region the finding is in, taken from the finding itself. */
  region: string;
  source: FindingSource;
  severity: Severity;
  status: FindingStatus;
  title: string;
  description?: string;
  type?: string;
  vulnerabilityId?: string;
  vulnerabilityUrl?: string;
  packageName?: string;
  installedVersion?: string;
  fixedVersion?: string;
  resourceType?: string;
  resourceId?: string;
  /** ECR repository and tag, Lambda function name, instance name. */
  resourceLabel?: string;
  inspectorScore?: number;
  cvssVector?: string;
  exploitAvailable?: boolean;
  fixAvailable?: FixAvailable;
  remediation?: string;
  remediationUrl?: string;
  firstObservedAt?: string;
  lastObservedAt?: string;
  updatedAt: string;
  consoleUrl?: string;
}

/** A source that could not be read on the last collection. @public */
export interface SourceError {
  source: string;
  region?: string;
  reason: string;
}

/**
 * The latest posture of an account. When the last collection failed, the
 * last good values are kept and `stale` tells since when.
 *
 * @public
 */
export interface PostureSnapshot {
  accountId: string;
  collectedAt: string;
  regions: string[];
  /** Security Hub score in whole percent, null when there is no data. */
  score: number | null;
  controls: {
    passed: number;
    failed: number;
    unknown: number;
    noData: number;
  };
  /** Active findings by severity per source; null when it could not be read. */
  findings: {
    securityhub: SeverityCounts | null;
    guardduty: SeverityCounts | null;
    inspector: SeverityCounts | null;
    accessAnalyzer: { active: number } | null;
  };
  config: { compliant: number; nonCompliant: number } | null;
  inspectorCoverage: {
    covered: number;
    byResourceType: Record<string, number>;
  } | null;
  services: SecurityServiceStatus[];
  checks: CheckResult[];
  topFailingControls: ControlResult[];
  topGuardDutyFindings: Finding[];
  errors: SourceError[];
  /** Set when the last attempt failed and this snapshot is older. */
  stale?: { since: string; reason: string };
}

/** @public */
export type AccountStatus =
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'PENDING_CLOSURE'
  | 'CLOSED';

/** One row of the organization page. @public */
export interface AccountSummary {
  accountId: string;
  name: string;
  organizationalUnitPath?: string;
  environment?: string;
  owner?: string;
  application?: string;
  entityRef?: string;
  status?: AccountStatus;
  score: number | null;
  findings: SeverityCounts | null;
  failingChecks: number;
  collectedAt?: string;
  /** Why the last collection could not read the account. */
  readError?: { reason: string; since: string };
}

/** @public */
export interface PostureRollup {
  key: string;
  accounts: number;
  averageScore: number | null;
  findings: SeverityCounts;
  failingChecks: number;
}

/** @public */
export interface PostureTrendPoint {
  date: string;
  averageScore: number | null;
  critical: number;
}

/** @public */
export interface OrganizationSummary {
  accounts: number;
  averageScore: number | null;
  findings: SeverityCounts;
  byOrganizationalUnit: PostureRollup[];
  byEnvironment: PostureRollup[];
  trend: PostureTrendPoint[];
  unreadable: Array<{
    accountId: string;
    name: string;
    reason: string;
    since: string;
  }>;
}

/** @public */
export interface HistoryPoint {
  collectedAt: string;
  score: number | null;
  findings: SeverityCounts | null;
  failingChecks: number;
}

/** @public */
export interface FindingsPage {
  items: Finding[];
  totalCount: number;
  nextCursor?: string;
}

/** @public */
export type FindingsSortField =
  | 'severity'
  | 'inspectorScore'
  | 'title'
  | 'firstObservedAt'
  | 'lastObservedAt'
  | 'updatedAt';

/** Query of `GET /accounts/:accountId/findings`. @public */
export interface FindingsQuery {
  source?: FindingSource;
  severity?: Severity[];
  status?: FindingStatus;
  resourceType?: string;
  fixAvailable?: FixAvailable;
  exploitAvailable?: boolean;
  search?: string;
  sort?: FindingsSortField;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** Largest page `GET /accounts/:accountId/findings` serves. @public */
export const MAX_FINDINGS_PAGE_SIZE = 500;
