import Box from '@material-ui/core/Box';
import { AccountsQuery } from '../../api';
import { NativeSelectField } from '../common/NativeSelectField';

function toOptions(values: string[]) {
  return [
    { value: '', label: 'All' },
    ...values.map(value => ({ value, label: value })),
  ];
}

/**
 * Filters of the account table; each one is a query parameter of
 * `GET /accounts`.
 *
 * @internal
 */
export function AccountsFilterBar(props: {
  query: AccountsQuery;
  organizationalUnits: string[];
  environments: string[];
  owners: string[];
  onChange: (query: AccountsQuery) => void;
}) {
  const { query, onChange } = props;

  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} mb={2}>
      <NativeSelectField
        id="aws-accounts-ou"
        label="Organizational unit"
        value={query.ou ?? ''}
        options={toOptions(props.organizationalUnits)}
        onChange={ou => onChange({ ...query, ou: ou || undefined })}
      />
      <NativeSelectField
        id="aws-accounts-environment"
        label="Environment"
        value={query.environment ?? ''}
        options={toOptions(props.environments)}
        onChange={environment =>
          onChange({ ...query, environment: environment || undefined })
        }
      />
      <NativeSelectField
        id="aws-accounts-owner"
        label="Owner"
        value={query.owner ?? ''}
        options={toOptions(props.owners)}
        onChange={owner => onChange({ ...query, owner: owner || undefined })}
      />
    </Box>
  );
}
