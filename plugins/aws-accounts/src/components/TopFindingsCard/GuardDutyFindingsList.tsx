import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityChip } from '../common/SeverityChip';
import { formatTimestamp } from '../common/formatTimestamp';

/**
 * The most severe active GuardDuty findings, each linked to the console.
 *
 * @internal
 */
export function GuardDutyFindingsList(props: { findings: Finding[] }) {
  const { findings } = props;

  if (findings.length === 0) {
    return (
      <Typography variant="body2">No active GuardDuty findings.</Typography>
    );
  }

  return (
    <List dense aria-label="Top GuardDuty findings">
      {findings.map(finding => (
        <ListItem key={finding.id} disableGutters>
          <ListItemText
            primary={
              finding.consoleUrl ? (
                <Link to={finding.consoleUrl}>{finding.title}</Link>
              ) : (
                finding.title
              )
            }
            secondary={`${finding.type ?? 'GuardDuty'} · ${
              finding.region
            } · last seen ${formatTimestamp(
              finding.lastObservedAt ?? finding.updatedAt,
            )}`}
          />
          <SeverityChip severity={finding.severity} />
        </ListItem>
      ))}
    </List>
  );
}
