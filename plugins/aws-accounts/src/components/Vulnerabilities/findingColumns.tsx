import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { Link, TableColumn } from '@backstage/core-components';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityChip } from '../common/SeverityChip';
import { formatDate } from '../common/formatTimestamp';
import { resourceTypeName } from './findingsFilter';

function yesNo(value: boolean | undefined): string {
  if (value === undefined) {
    return '';
  }
  return value ? 'Yes' : 'No';
}

/**
 * The columns of the Inspector findings table. The title opens the details
 * panel; it is a button so that it works from the keyboard.
 *
 * @internal
 */
export function findingColumns(
  onOpen: (finding: Finding) => void,
): TableColumn<Finding>[] {
  return [
    {
      title: 'Severity',
      field: 'severity',
      render: finding => <SeverityChip severity={finding.severity} />,
    },
    {
      title: 'Title',
      field: 'title',
      width: '24%',
      render: finding => (
        <MuiLink
          component="button"
          variant="body2"
          align="left"
          onClick={() => onOpen(finding)}
        >
          {finding.title}
        </MuiLink>
      ),
    },
    {
      title: 'CVE',
      field: 'vulnerabilityId',
      render: finding =>
        finding.vulnerabilityUrl && finding.vulnerabilityId ? (
          <Link to={finding.vulnerabilityUrl}>{finding.vulnerabilityId}</Link>
        ) : (
          finding.vulnerabilityId ?? ''
        ),
    },
    {
      title: 'Package',
      field: 'packageName',
      cellStyle: { minWidth: 160, wordBreak: 'break-word' },
      render: finding =>
        finding.packageName ? (
          <>
            <Typography variant="body2">{finding.packageName}</Typography>
            <Typography variant="caption" color="textSecondary">
              {finding.installedVersion ?? '?'} →{' '}
              {finding.fixedVersion ?? 'no fix'}
            </Typography>
          </>
        ) : (
          ''
        ),
    },
    {
      title: 'Resource',
      field: 'resourceId',
      render: finding => (
        <>
          <Typography variant="body2">
            {finding.resourceLabel ?? finding.resourceId}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {resourceTypeName(finding.resourceType)} · {finding.region}
          </Typography>
        </>
      ),
    },
    {
      title: 'Score',
      field: 'inspectorScore',
      type: 'numeric',
      render: finding => finding.inspectorScore?.toFixed(1) ?? '',
    },
    {
      title: 'Exploit',
      field: 'exploitAvailable',
      render: finding => yesNo(finding.exploitAvailable),
    },
    {
      title: 'Fix',
      field: 'fixAvailable',
      render: finding => finding.fixAvailable ?? '',
    },
    {
      title: 'First seen',
      field: 'firstObservedAt',
      render: finding => formatDate(finding.firstObservedAt),
    },
    {
      title: 'Last seen',
      field: 'lastObservedAt',
      render: finding => formatDate(finding.lastObservedAt),
    },
  ];
}
