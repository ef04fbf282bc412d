import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * The Security Hub score with the control counts it comes from. A missing
 * score reads "no data", never 0 %.
 *
 * @internal
 */
export function PostureScore(props: { posture: PostureSnapshot }) {
  const { score, controls } = props.posture;
  const scoreText = score === null ? 'No data' : `${score}%`;

  return (
    <Box>
      <Typography
        variant="overline"
        component="h3"
        id="aws-posture-score-label"
      >
        Security Hub score
      </Typography>
      <Typography
        variant="h3"
        component="p"
        aria-labelledby="aws-posture-score-label"
        data-testid="aws-posture-score"
      >
        {scoreText}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {controls.passed} controls passed, {controls.failed} failed,{' '}
        {controls.unknown + controls.noData} without data
      </Typography>
    </Box>
  );
}
