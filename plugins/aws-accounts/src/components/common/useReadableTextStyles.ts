import { makeStyles } from '@material-ui/core/styles';

/**
 * Form labels and hints in the primary text colour: the theme's secondary
 * text colour falls below a 4.5:1 contrast on the page background.
 *
 * @internal
 */
export const useReadableTextStyles = makeStyles(theme => ({
  text: { color: theme.palette.text.primary },
}));
