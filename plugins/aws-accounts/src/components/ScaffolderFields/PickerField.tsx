import TextField from '@material-ui/core/TextField';
import { Progress } from '@backstage/core-components';
import { useReadableTextStyles } from '../common/useReadableTextStyles';

/**
 * The select both pickers render: a labelled native select with the
 * field's description, validation errors and loading state.
 *
 * @internal
 */
export function PickerField(props: {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  value: string;
  options: Array<{ value: string; label: string }>;
  loading: boolean;
  loadError?: Error;
  rawErrors?: string[];
  onChange: (value: string | undefined) => void;
}) {
  const { loading, loadError, rawErrors = [], options } = props;
  const classes = useReadableTextStyles();

  if (loading) {
    return <Progress aria-label={`Loading ${props.label}`} />;
  }

  const helperText = loadError
    ? `Could not load the choices: ${loadError.message}`
    : rawErrors[0] ??
      (options.length === 0 ? 'There is nothing to choose from.' : undefined) ??
      props.description;

  return (
    <TextField
      id={props.id}
      select
      fullWidth
      margin="normal"
      variant="outlined"
      label={props.label}
      required={props.required}
      disabled={props.disabled || Boolean(loadError)}
      value={props.value}
      error={Boolean(loadError) || rawErrors.length > 0}
      helperText={helperText}
      onChange={event => props.onChange(event.target.value || undefined)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true, className: classes.text }}
    >
      <option value="">Select…</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
