import TextField from '@material-ui/core/TextField';
import { useReadableTextStyles } from './useReadableTextStyles';

/**
 * A labelled native select: keyboard and screen-reader behaviour come from
 * the browser. The empty value stands for "any".
 *
 * @internal
 */
export function NativeSelectField(props: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const { id, label, value, options, onChange } = props;
  const classes = useReadableTextStyles();

  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true, className: classes.text }}
      variant="outlined"
      size="small"
    >
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
