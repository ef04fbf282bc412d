import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import {
  SEVERITIES,
  Severity,
} from '@sra-backstage/plugin-aws-accounts-common';
import { severityLabel } from '../common/severityStyle';
import { useReadableTextStyles } from '../common/useReadableTextStyles';

/**
 * Severities to show; none checked means all.
 *
 * @internal
 */
export function SeverityFilter(props: {
  value: Severity[];
  onChange: (value: Severity[]) => void;
}) {
  const { value, onChange } = props;
  const classes = useReadableTextStyles();

  const toggle = (severity: Severity, checked: boolean) => {
    const next = checked
      ? [...value, severity]
      : value.filter(item => item !== severity);
    onChange(SEVERITIES.filter(item => next.includes(item)));
  };

  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" className={classes.text}>
        Severity
      </FormLabel>
      <FormGroup row>
        {SEVERITIES.map(severity => (
          <FormControlLabel
            key={severity}
            control={
              <Checkbox
                size="small"
                checked={value.includes(severity)}
                onChange={event => toggle(severity, event.target.checked)}
              />
            }
            label={severityLabel(severity)}
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
