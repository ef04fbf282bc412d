import { Finding as GuardDutyFinding } from '@aws-sdk/client-guardduty';
import { severityFromGuardDuty } from './severity';
import {
  findingIdOf,
  regionOfArn,
  StoredFinding,
  toIsoTimestamp,
} from './StoredFinding';

function resourceIdOf(finding: GuardDutyFinding): string | undefined {
  const resource = finding.Resource;
  return (
    resource?.InstanceDetails?.InstanceId ??
    resource?.AccessKeyDetails?.UserName ??
    resource?.S3BucketDetails?.[0]?.Name ??
    resource?.EksClusterDetails?.Name ??
    resource?.LambdaDetails?.FunctionName
  );
}

/**
 * A native GuardDuty finding as stored: the numeric severity in GuardDuty's
 * bands, archived findings not active.
 */
export function parseGuardDutyFinding(
  finding: GuardDutyFinding,
  fallbackRegion: string,
): StoredFinding | undefined {
  const arn = finding.Arn;
  const accountId = finding.AccountId;
  if (!arn || !accountId) {
    return undefined;
  }

  const archived = finding.Service?.Archived === true;

  return {
    id: findingIdOf('guardduty', arn),
    arn,
    accountId,
    region: finding.Region ?? regionOfArn(arn) ?? fallbackRegion,
    source: 'guardduty',
    severity: severityFromGuardDuty(finding.Severity),
    status: archived ? 'SUPPRESSED' : 'ACTIVE',
    title: finding.Title ?? finding.Type ?? arn,
    description: finding.Description,
    type: finding.Type,
    resourceType: finding.Resource?.ResourceType,
    resourceId: resourceIdOf(finding),
    firstObservedAt: toIsoTimestamp(finding.Service?.EventFirstSeen),
    lastObservedAt: toIsoTimestamp(finding.Service?.EventLastSeen),
    updatedAt:
      toIsoTimestamp(finding.UpdatedAt) ??
      toIsoTimestamp(finding.CreatedAt) ??
      new Date(0).toISOString(),
    active: !archived,
  };
}
