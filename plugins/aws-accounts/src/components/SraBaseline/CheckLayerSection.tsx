import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CheckLayer,
  CheckResult,
} from '@sra-backstage/plugin-aws-accounts-common';
import { CheckResultItem } from './CheckResultItem';

const LAYER_TITLES: Record<CheckLayer, string> = {
  instance: 'Instance',
  software: 'Software',
  network: 'Network',
  account: 'Account',
  organization: 'Organization',
};

/**
 * The checks of one layer of the SRA's layered defense.
 *
 * @internal
 */
export function CheckLayerSection(props: {
  layer: CheckLayer;
  checks: CheckResult[];
}) {
  const { layer, checks } = props;
  const failing = checks.filter(check => check.status === 'FAIL').length;
  const headingId = `aws-layer-${layer}`;

  return (
    <Box component="section" aria-labelledby={headingId} mb={3}>
      <Typography variant="h5" component="h2" id={headingId} gutterBottom>
        {LAYER_TITLES[layer]} layer
        <Typography variant="body2" component="span">
          {` · ${checks.length} checks, ${failing} failing`}
        </Typography>
      </Typography>
      {checks.map(check => (
        <CheckResultItem key={check.checkId} check={check} />
      ))}
    </Box>
  );
}
