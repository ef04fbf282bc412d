import { TableColumn } from '@backstage/core-components';
import {
  Severity,
  SeverityCounts,
} from '@sra-backstage/plugin-aws-accounts-common';
import { severityLabel } from './severityStyle';

const TABLE_SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/**
 * One sortable numeric column per severity, for tables with a row per
 * account or group. Counts that could not be read sort last and read
 * "not read".
 *
 * @internal
 */
export function severityColumns<T extends object>(
  countsOf: (row: T) => SeverityCounts | null,
): TableColumn<T>[] {
  return TABLE_SEVERITIES.map(severity => ({
    title: severityLabel(severity),
    type: 'numeric' as const,
    customSort: (a: T, b: T) =>
      (countsOf(a)?.[severity] ?? -1) - (countsOf(b)?.[severity] ?? -1),
    render: (row: T) => {
      const counts = countsOf(row);
      if (!counts) {
        return 'not read';
      }
      const count = counts[severity];
      return severity === 'CRITICAL' && count > 0 ? (
        <strong>{count}</strong>
      ) : (
        count
      );
    },
  }));
}
