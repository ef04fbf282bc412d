import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityCountsList } from '../common/SeverityCountsList';
import { formatTimestamp } from '../common/formatTimestamp';
import { PostureDataWarning } from './PostureDataWarning';
import { PostureScore } from './PostureScore';
import { SecurityServicesList } from './SecurityServicesList';

/**
 * The body of the posture card for a loaded snapshot.
 *
 * @internal
 */
export function PostureSummary(props: { posture: PostureSnapshot }) {
  const { posture } = props;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <PostureDataWarning posture={posture} />
      </Grid>
      <Grid item xs={12} sm={5}>
        <PostureScore posture={posture} />
        <Typography variant="caption" color="textSecondary" component="p">
          Collected {formatTimestamp(posture.collectedAt)} in{' '}
          {posture.regions.join(', ')}
        </Typography>
      </Grid>
      <Grid item xs={12} sm={7}>
        <Typography variant="overline" component="h3">
          Active findings
        </Typography>
        <Typography variant="body2">Security Hub</Typography>
        <SeverityCountsList
          counts={posture.findings.securityhub}
          label="Security Hub findings by severity"
        />
        <Typography variant="body2">Inspector</Typography>
        <SeverityCountsList
          counts={posture.findings.inspector}
          label="Inspector findings by severity"
        />
        <Typography variant="body2">GuardDuty</Typography>
        <SeverityCountsList
          counts={posture.findings.guardduty}
          label="GuardDuty findings by severity"
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="overline" component="h3">
          Security services
        </Typography>
        <SecurityServicesList services={posture.services} />
      </Grid>
    </Grid>
  );
}
