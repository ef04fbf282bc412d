import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ControlResult } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityChip } from '../common/SeverityChip';

// Security Hub titles often start with the control id already.
function controlLabel(control: ControlResult): string {
  if (!control.title) {
    return control.controlId;
  }
  const title = control.title.startsWith(`${control.controlId} `)
    ? control.title.slice(control.controlId.length + 1)
    : control.title;
  return `${control.controlId} · ${title}`;
}

/**
 * Security Hub controls that fail, worst first as the service sorted them.
 *
 * @internal
 */
export function FailingControlsList(props: { controls: ControlResult[] }) {
  const { controls } = props;

  if (controls.length === 0) {
    return (
      <Typography variant="body2">No Security Hub control fails.</Typography>
    );
  }

  return (
    <List dense aria-label="Top failing Security Hub controls">
      {controls.map(control => (
        <ListItem key={control.controlId} disableGutters>
          <ListItemText
            primary={controlLabel(control)}
            secondary={`${control.failedResourceCount} failing resource${
              control.failedResourceCount === 1 ? '' : 's'
            }`}
          />
          {control.severity && <SeverityChip severity={control.severity} />}
        </ListItem>
      ))}
    </List>
  );
}
