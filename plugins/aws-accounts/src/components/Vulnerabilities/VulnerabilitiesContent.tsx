import { useCallback, useState } from 'react';
import Box from '@material-ui/core/Box';
import { Content } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';
import { awsAccountsApiRef } from '../../api';
import { useEntityAccountId } from '../../hooks/useEntityAccountId';
import { MissingAccountAnnotation } from '../common/MissingAccountAnnotation';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { ExportFindingsButton } from './ExportFindingsButton';
import { FindingDetailsDrawer } from './FindingDetailsDrawer';
import { FindingsFilterBar } from './FindingsFilterBar';
import { FINDINGS_PAGE_SIZES, FindingsTable } from './FindingsTable';
import { DEFAULT_FINDINGS_FILTER, FindingsFilter } from './findingsFilter';

function AccountVulnerabilities(props: { accountId: string }) {
  const { accountId } = props;
  const api = useApi(awsAccountsApiRef);
  const [filter, setFilter] = useState<FindingsFilter>(DEFAULT_FINDINGS_FILTER);
  const [pageSize, setPageSize] = useState(FINDINGS_PAGE_SIZES[0]);
  // cursors[i] opens page i; page 0 needs none.
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const [pageIndex, setPageIndex] = useState(0);
  const [opened, setOpened] = useState<Finding>();

  const page = useAsync(
    () =>
      api.listFindings(accountId, {
        ...filter,
        cursor: cursors[pageIndex],
        limit: pageSize,
      }),
    [api, accountId, filter, pageSize, pageIndex],
  );

  const restart = () => {
    setCursors([undefined]);
    setPageIndex(0);
  };

  const onOpen = useCallback((finding: Finding) => setOpened(finding), []);

  return (
    <>
      <FindingsFilterBar
        filter={filter}
        onChange={next => {
          setFilter(next);
          restart();
        }}
      />
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <ExportFindingsButton accountId={accountId} filter={filter} />
      </Box>
      {page.error ? (
        <PostureErrorPanel error={page.error} subject="findings" />
      ) : (
        <FindingsTable
          page={page.value}
          loading={page.loading}
          pageIndex={pageIndex}
          pageSize={pageSize}
          onOpen={onOpen}
          onNext={() => {
            const nextCursor = page.value?.nextCursor;
            if (nextCursor) {
              setCursors(known => [
                ...known.slice(0, pageIndex + 1),
                nextCursor,
              ]);
              setPageIndex(pageIndex + 1);
            }
          }}
          onPrevious={() => setPageIndex(Math.max(0, pageIndex - 1))}
          onPageSizeChange={size => {
            setPageSize(size);
            restart();
          }}
        />
      )}
      <FindingDetailsDrawer
        accountId={accountId}
        finding={opened}
        onClose={() => setOpened(undefined)}
      />
    </>
  );
}

/**
 * The "Vulnerabilities" tab: the account's Inspector findings, filtered,
 * sorted, searched and paged by the posture service.
 *
 * @public
 */
export function VulnerabilitiesContent() {
  const { accountId } = useEntityAccountId();

  return (
    <Content>
      {accountId ? (
        <AccountVulnerabilities accountId={accountId} />
      ) : (
        <MissingAccountAnnotation />
      )}
    </Content>
  );
}
