import Chip from '@material-ui/core/Chip';
import { Severity } from '@sra-backstage/plugin-aws-accounts-common';
import { SEVERITY_COLORS, severityLabel } from './severityStyle';

/**
 * A severity as a coloured chip; the word is always shown, so colour is
 * never the only carrier of meaning.
 *
 * @internal
 */
export function SeverityChip(props: { severity: Severity; count?: number }) {
  const { severity, count } = props;
  const colors = SEVERITY_COLORS[severity];
  const label =
    count === undefined
      ? severityLabel(severity)
      : `${severityLabel(severity)}: ${count}`;

  return (
    <Chip
      size="small"
      label={label}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}
