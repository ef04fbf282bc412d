import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  SEVERITIES,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityChip } from './SeverityChip';

/**
 * Active findings by severity. `null` means the counts could not be read,
 * which is shown as such rather than as zero.
 *
 * @internal
 */
export function SeverityCountsList(props: {
  counts: SeverityCounts | null;
  label: string;
  showEmpty?: boolean;
}) {
  const { counts, label, showEmpty = false } = props;

  if (!counts) {
    return (
      <Typography variant="body2" color="textSecondary">
        {label}: not read
      </Typography>
    );
  }

  const shown = SEVERITIES.filter(
    severity => showEmpty || counts[severity] > 0,
  );

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={4}
      component="ul"
      aria-label={label}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {shown.length === 0 && (
        <Typography component="li" variant="body2">
          No active findings
        </Typography>
      )}
      {shown.map(severity => (
        <li key={severity}>
          <SeverityChip severity={severity} count={counts[severity]} />
        </li>
      ))}
    </Box>
  );
}
