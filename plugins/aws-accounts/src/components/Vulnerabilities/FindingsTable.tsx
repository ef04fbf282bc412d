import { useMemo } from 'react';
import TablePagination from '@material-ui/core/TablePagination';
import { Table } from '@backstage/core-components';
import {
  Finding,
  FindingsPage,
} from '@sra-backstage/plugin-aws-accounts-common';
import { findingColumns } from './findingColumns';

/** Page sizes offered; all below the service's maximum. @internal */
export const FINDINGS_PAGE_SIZES = [25, 50, 100];

/**
 * One server page of findings. Paging moves by cursor, so only the previous
 * and next pages are reachable, never an arbitrary page number.
 *
 * @internal
 */
export function FindingsTable(props: {
  page: FindingsPage | undefined;
  loading: boolean;
  pageIndex: number;
  pageSize: number;
  onNext: () => void;
  onPrevious: () => void;
  onPageSizeChange: (pageSize: number) => void;
  onOpen: (finding: Finding) => void;
}) {
  const { page, loading, pageIndex, pageSize, onOpen } = props;
  const columns = useMemo(() => findingColumns(onOpen), [onOpen]);
  const totalCount = page?.totalCount ?? 0;

  return (
    <>
      <Table<Finding>
        title={`Inspector findings (${totalCount})`}
        columns={columns}
        data={page?.items ?? []}
        isLoading={loading}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          draggable: false,
        }}
        emptyContent={
          <div style={{ padding: 16 }}>No findings match these filters.</div>
        }
      />
      <TablePagination
        component="div"
        count={totalCount}
        page={pageIndex}
        rowsPerPage={pageSize}
        rowsPerPageOptions={FINDINGS_PAGE_SIZES}
        onPageChange={(_event, next) =>
          next > pageIndex ? props.onNext() : props.onPrevious()
        }
        onRowsPerPageChange={event =>
          props.onPageSizeChange(Number(event.target.value))
        }
        nextIconButtonProps={{
          disabled: loading || !page?.nextCursor,
        }}
        backIconButtonProps={{ disabled: loading || pageIndex === 0 }}
      />
    </>
  );
}
