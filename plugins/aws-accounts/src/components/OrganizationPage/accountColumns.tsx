import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { AccountSummary } from '@sra-backstage/plugin-aws-accounts-common';
import { formatTimestamp } from '../common/formatTimestamp';
import { severityColumns } from '../common/severityColumns';
import { compareWorstFirst } from './worstFirst';

function AccountName(props: { account: AccountSummary }) {
  const { account } = props;
  return (
    <>
      {account.entityRef ? (
        <EntityRefLink entityRef={account.entityRef}>
          {account.name}
        </EntityRefLink>
      ) : (
        <Typography variant="body2">{account.name}</Typography>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        {account.accountId}
        {account.status && account.status !== 'ACTIVE'
          ? ` · ${account.status}`
          : ''}
      </Typography>
    </>
  );
}

// The owner is an entity reference or, from an untidy tag, a bare group name.
function OwnerLink(props: { owner: string | undefined }) {
  const { owner } = props;
  if (!owner) {
    return null;
  }
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return <EntityRefLink entityRef={ref} />;
  } catch {
    return <>{owner}</>;
  }
}

/** `Root/Workloads/Prod` reads better as `Workloads/Prod` in a column. */
export function shortOrganizationalUnitPath(path: string | undefined) {
  return path?.replace(/^Root\//, '') ?? '';
}

/**
 * The columns of the organization page's account table; every column sorts,
 * the score column worst first with unknown scores last.
 *
 * @internal
 */
export const accountColumns: TableColumn<AccountSummary>[] = [
  {
    title: 'Account',
    field: 'name',
    highlight: true,
    render: account => <AccountName account={account} />,
  },
  {
    title: 'Score',
    field: 'score',
    customSort: compareWorstFirst,
    render: account =>
      account.score === null ? 'No data' : `${account.score}%`,
  },
  ...severityColumns<AccountSummary>(account => account.findings),
  { title: 'Failing checks', field: 'failingChecks', type: 'numeric' },
  {
    title: 'OU',
    field: 'organizationalUnitPath',
    cellStyle: { whiteSpace: 'nowrap' },
    render: account =>
      shortOrganizationalUnitPath(account.organizationalUnitPath),
  },
  { title: 'Environment', field: 'environment' },
  {
    title: 'Owner',
    field: 'owner',
    render: account => <OwnerLink owner={account.owner} />,
  },
  {
    title: 'Collected',
    field: 'collectedAt',
    render: account =>
      account.readError ? (
        <Typography variant="body2" title={account.readError.reason}>
          <strong>Not read</strong> since{' '}
          {formatTimestamp(account.readError.since)}
        </Typography>
      ) : (
        formatTimestamp(account.collectedAt)
      ),
  },
];
