import { Finding as InspectorFinding } from '@aws-sdk/client-inspector2';
import { FixAvailable } from '@sra-backstage/plugin-aws-accounts-common';
import { severityFromInspector } from './severity';
import {
  findingIdOf,
  regionOfArn,
  StoredFinding,
  toIsoTimestamp,
} from './StoredFinding';

function resourceLabelOf(
  resource: NonNullable<InspectorFinding['resources']>[number] | undefined,
): string | undefined {
  const image = resource?.details?.awsEcrContainerImage;
  if (image?.repositoryName) {
    const tag = image.imageTags?.[0];
    return tag ? `${image.repositoryName}:${tag}` : image.repositoryName;
  }
  const lambda = resource?.details?.awsLambdaFunction;
  if (lambda?.functionName) {
    return lambda.functionName;
  }
  return resource?.tags?.Name;
}

function fixAvailableOf(value?: string): FixAvailable | undefined {
  return value === 'YES' || value === 'NO' || value === 'PARTIAL'
    ? value
    : undefined;
}

/**
 * An Inspector finding as stored. Only ACTIVE findings are active; CLOSED
 * and SUPPRESSED ones leave the active set. The package, CVSS, fix and
 * exploit fields are optional in Inspector (network reachability findings
 * have no package) and stay undefined when absent.
 */
export function parseInspectorFinding(
  finding: InspectorFinding,
  fallbackRegion: string,
): StoredFinding | undefined {
  const arn = finding.findingArn;
  const accountId = finding.awsAccountId;
  if (!arn || !accountId) {
    return undefined;
  }

  const resource = finding.resources?.[0];
  const details = finding.packageVulnerabilityDetails;
  const vulnerablePackage = details?.vulnerablePackages?.[0];
  const status =
    finding.status === 'ACTIVE' || finding.status === 'SUPPRESSED'
      ? finding.status
      : 'CLOSED';
  const updatedAt =
    toIsoTimestamp(finding.updatedAt) ??
    toIsoTimestamp(finding.lastObservedAt) ??
    new Date(0).toISOString();

  return {
    id: findingIdOf('inspector', arn),
    arn,
    accountId,
    region: resource?.region ?? regionOfArn(arn) ?? fallbackRegion,
    source: 'inspector',
    severity: severityFromInspector(finding.severity),
    status,
    title: finding.title ?? arn,
    description: finding.description,
    type: finding.type,
    vulnerabilityId: details?.vulnerabilityId,
    vulnerabilityUrl: details?.sourceUrl,
    packageName: vulnerablePackage?.name,
    installedVersion: vulnerablePackage?.version,
    fixedVersion: vulnerablePackage?.fixedInVersion,
    resourceType: resource?.type,
    resourceId: resource?.id,
    resourceLabel: resourceLabelOf(resource),
    inspectorScore: finding.inspectorScore,
    cvssVector:
      finding.inspectorScoreDetails?.adjustedCvss?.scoringVector ??
      details?.cvss?.[0]?.scoringVector,
    exploitAvailable:
      finding.exploitAvailable === undefined
        ? undefined
        : finding.exploitAvailable === 'YES',
    fixAvailable: fixAvailableOf(finding.fixAvailable),
    remediation:
      vulnerablePackage?.remediation ??
      finding.remediation?.recommendation?.text,
    remediationUrl: finding.remediation?.recommendation?.Url,
    firstObservedAt: toIsoTimestamp(finding.firstObservedAt),
    lastObservedAt: toIsoTimestamp(finding.lastObservedAt),
    updatedAt,
    active: status === 'ACTIVE',
  };
}
