import { Table, TableColumn } from '@backstage/core-components';
import { PostureRollup } from '@sra-backstage/plugin-aws-accounts-common';
import { severityColumns } from '../common/severityColumns';

function rollupColumns(
  keyTitle: string,
  formatKey: (key: string) => string,
): TableColumn<PostureRollup>[] {
  return [
    {
      title: keyTitle,
      field: 'key',
      highlight: true,
      render: rollup => formatKey(rollup.key),
    },
    { title: 'Accounts', field: 'accounts', type: 'numeric' },
    {
      title: 'Average score',
      field: 'averageScore',
      render: rollup =>
        rollup.averageScore === null ? 'No data' : `${rollup.averageScore}%`,
    },
    ...severityColumns<PostureRollup>(rollup => rollup.findings),
    { title: 'Failing checks', field: 'failingChecks', type: 'numeric' },
  ];
}

/**
 * Posture rolled up by organizational unit or by environment.
 *
 * @internal
 */
export function RollupTable(props: {
  title: string;
  keyTitle: string;
  rollups: PostureRollup[];
  formatKey?: (key: string) => string;
}) {
  const { formatKey = key => key } = props;
  return (
    <Table<PostureRollup>
      title={props.title}
      columns={rollupColumns(props.keyTitle, formatKey)}
      data={props.rollups}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        draggable: false,
      }}
      emptyContent={<div style={{ padding: 16 }}>No accounts.</div>}
    />
  );
}
