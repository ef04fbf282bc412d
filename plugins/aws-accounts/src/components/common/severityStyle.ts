import { Severity } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Background and text colours per severity, chosen so that the label keeps
 * a contrast ratio of at least 4.5:1 in the light and dark themes.
 *
 * @internal
 */
export const SEVERITY_COLORS: Record<
  Severity,
  { background: string; text: string }
> = {
  CRITICAL: { background: '#8e0000', text: '#ffffff' },
  HIGH: { background: '#c62828', text: '#ffffff' },
  MEDIUM: { background: '#ffb300', text: '#000000' },
  LOW: { background: '#1565c0', text: '#ffffff' },
  INFORMATIONAL: { background: '#546e7a', text: '#ffffff' },
  UNTRIAGED: { background: '#616161', text: '#ffffff' },
};

/** @internal */
export function severityLabel(severity: Severity): string {
  return severity.charAt(0) + severity.slice(1).toLowerCase();
}
