import { useMemo, useState } from 'react';
import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { AccountSummary } from '@sra-backstage/plugin-aws-accounts-common';
import { AccountsQuery, awsAccountsApiRef } from '../../api';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { AccountsFilterBar } from './AccountsFilterBar';
import { accountColumns } from './accountColumns';
import { compareWorstFirst } from './worstFirst';

function distinct(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
}

/**
 * Every account the user may read, worst first, filtered on the server.
 *
 * @internal
 */
export function AccountsTable(props: {
  organizationalUnits: string[];
  environments: string[];
}) {
  const api = useApi(awsAccountsApiRef);
  const [query, setQuery] = useState<AccountsQuery>({});
  const [owners, setOwners] = useState<string[]>([]);

  const accounts = useAsync(async () => {
    const list = await api.listAccounts(query);
    setOwners(known => distinct([...known, ...list.map(a => a.owner)]));
    return [...list].sort(compareWorstFirst);
  }, [api, query]);

  const columns = useMemo(() => accountColumns, []);

  return (
    <>
      <AccountsFilterBar
        query={query}
        organizationalUnits={props.organizationalUnits}
        environments={props.environments}
        owners={owners}
        onChange={setQuery}
      />
      {accounts.error ? (
        <PostureErrorPanel error={accounts.error} subject="accounts" />
      ) : (
        <Table<AccountSummary>
          title={`Accounts (${accounts.value?.length ?? 0})`}
          columns={columns}
          data={accounts.value ?? []}
          isLoading={accounts.loading}
          options={{
            paging: true,
            pageSize: 20,
            search: true,
            padding: 'dense',
            draggable: false,
          }}
          emptyContent={
            <div style={{ padding: 16 }}>
              No account matches these filters, or you may not read any.
            </div>
          }
        />
      )}
    </>
  );
}
