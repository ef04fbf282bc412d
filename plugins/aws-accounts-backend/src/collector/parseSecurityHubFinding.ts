import { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { severityFromAsff } from './severity';
import {
  findingIdOf,
  regionOfArn,
  StoredFinding,
  toIsoTimestamp,
} from './StoredFinding';

const FSBP_GENERATOR_PREFIX = 'aws-foundational-security-best-practices/';
const INACTIVE_WORKFLOW_STATUSES = new Set(['SUPPRESSED', 'RESOLVED']);

/**
 * The FSBP control a Security Hub control finding reports on. Consolidated
 * findings carry `Compliance.SecurityControlId` whatever the standard; the
 * older per-standard format only has `ProductFields.ControlId`, which is an
 * FSBP control id only when the finding comes from the FSBP standard (CIS
 * and PCI use their own numbering there).
 */
export function controlIdOf(finding: AwsSecurityFinding): string | undefined {
  const consolidated = finding.Compliance?.SecurityControlId;
  if (consolidated) {
    return consolidated;
  }
  const older = finding.ProductFields?.ControlId;
  if (older && finding.GeneratorId?.startsWith(FSBP_GENERATOR_PREFIX)) {
    return older;
  }
  return undefined;
}

/**
 * A Security Hub (ASFF) finding as stored. The Region is the finding's own
 * (`Region`, else the Region in its ARN), never the Region that was called:
 * a delegated administrator with cross-Region aggregation returns findings
 * of every Region. `fallbackRegion` is used only when the finding names none.
 */
export function parseSecurityHubFinding(
  finding: AwsSecurityFinding,
  fallbackRegion: string,
): StoredFinding | undefined {
  const arn = finding.Id;
  const accountId = finding.AwsAccountId;
  if (!arn || !accountId) {
    return undefined;
  }

  const resource = finding.Resources?.[0];
  const vulnerability = finding.Vulnerabilities?.[0];
  const vulnerablePackage = vulnerability?.VulnerablePackages?.[0];
  const controlId = controlIdOf(finding);
  const complianceStatus = finding.Compliance?.Status;
  const recordState = finding.RecordState;
  const workflowStatus = finding.Workflow?.Status;
  const open =
    recordState !== 'ARCHIVED' &&
    !INACTIVE_WORKFLOW_STATUSES.has(workflowStatus ?? '');
  // A passed control is not a problem to count; a product finding has no
  // compliance status at all and counts while it is open.
  const active =
    open && (complianceStatus === undefined || complianceStatus === 'FAILED');
  const updatedAt =
    toIsoTimestamp(finding.UpdatedAt) ?? toIsoTimestamp(finding.CreatedAt);

  return {
    id: findingIdOf('securityhub', arn),
    arn,
    accountId,
    region: finding.Region ?? regionOfArn(arn) ?? fallbackRegion,
    source: 'securityhub',
    severity: severityFromAsff(finding.Severity),
    status: open ? 'ACTIVE' : 'SUPPRESSED',
    title: finding.Title ?? arn,
    description: finding.Description,
    type: finding.Types?.[0],
    vulnerabilityId: vulnerability?.Id,
    vulnerabilityUrl: vulnerability?.ReferenceUrls?.[0],
    packageName: vulnerablePackage?.Name,
    installedVersion: vulnerablePackage?.Version,
    fixedVersion: vulnerablePackage?.FixedInVersion,
    resourceType: resource?.Type,
    resourceId: resource?.Id,
    fixAvailable: vulnerability?.FixAvailable as StoredFinding['fixAvailable'],
    exploitAvailable:
      vulnerability?.ExploitAvailable === undefined
        ? undefined
        : vulnerability.ExploitAvailable === 'YES',
    remediation: finding.Remediation?.Recommendation?.Text,
    remediationUrl: finding.Remediation?.Recommendation?.Url,
    firstObservedAt: toIsoTimestamp(finding.FirstObservedAt),
    lastObservedAt: toIsoTimestamp(finding.LastObservedAt),
    updatedAt: updatedAt ?? new Date(0).toISOString(),
    active,
    controlId,
    complianceStatus,
    recordState,
    workflowStatus,
  };
}
