import Typography from '@material-ui/core/Typography';
import { Link, StructuredMetadataTable } from '@backstage/core-components';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityChip } from '../common/SeverityChip';
import { formatTimestamp } from '../common/formatTimestamp';
import { resourceTypeName } from './findingsFilter';

/**
 * Everything known about one finding: description, CVSS, remediation and
 * where to see it in the AWS console.
 *
 * @internal
 */
export function FindingDetails(props: { finding: Finding }) {
  const { finding } = props;

  const metadata: Record<string, string> = {
    severity: finding.severity,
    'inspector score': finding.inspectorScore?.toFixed(1) ?? 'none',
    'CVSS vector': finding.cvssVector ?? 'none',
    package: finding.packageName
      ? `${finding.packageName} ${finding.installedVersion ?? ''}`
      : 'none',
    'fixed in': finding.fixedVersion ?? 'no fixed version',
    resource: `${resourceTypeName(finding.resourceType)} ${
      finding.resourceLabel ?? finding.resourceId ?? ''
    }`,
    region: finding.region,
    'exploit available': finding.exploitAvailable ? 'yes' : 'no',
    'first seen': formatTimestamp(finding.firstObservedAt),
    'last seen': formatTimestamp(finding.lastObservedAt),
  };

  return (
    <>
      <SeverityChip severity={finding.severity} />
      <Typography variant="h6" component="h3" gutterBottom>
        {finding.vulnerabilityId ?? finding.type ?? 'Description'}
      </Typography>
      <Typography variant="body2" paragraph>
        {finding.description ?? 'Inspector gave no description.'}
      </Typography>
      <StructuredMetadataTable metadata={metadata} dense />
      <Typography variant="h6" component="h3" gutterBottom>
        Remediation
      </Typography>
      <Typography variant="body2" paragraph>
        {finding.remediation ??
          (finding.fixedVersion
            ? `Update ${finding.packageName} to ${finding.fixedVersion} or later.`
            : 'No remediation is published yet.')}
      </Typography>
      {finding.remediationUrl && (
        <Typography variant="body2" paragraph>
          <Link to={finding.remediationUrl}>Remediation guidance</Link>
        </Typography>
      )}
      {finding.vulnerabilityUrl && (
        <Typography variant="body2" paragraph>
          <Link to={finding.vulnerabilityUrl}>Vulnerability advisory</Link>
        </Typography>
      )}
      {finding.consoleUrl && (
        <Typography variant="body2" paragraph>
          <Link to={finding.consoleUrl}>Open in the AWS console</Link>
        </Typography>
      )}
    </>
  );
}
