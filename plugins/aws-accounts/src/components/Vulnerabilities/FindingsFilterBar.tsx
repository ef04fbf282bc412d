import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';
import {
  FindingStatus,
  FindingsSortField,
  FixAvailable,
} from '@sra-backstage/plugin-aws-accounts-common';
import { NativeSelectField } from '../common/NativeSelectField';
import { SeverityFilter } from './SeverityFilter';
import { FindingsFilter, RESOURCE_TYPE_NAMES } from './findingsFilter';
import { useReadableTextStyles } from '../common/useReadableTextStyles';

const SEARCH_DEBOUNCE_MS = 400;

const ANY = { value: '', label: 'Any' };

const booleanOption = (value: boolean | undefined) =>
  value === undefined ? '' : String(value);

/**
 * The findings table's filters, text search and sort order. Every control
 * maps to a query parameter of the posture service.
 *
 * @internal
 */
export function FindingsFilterBar(props: {
  filter: FindingsFilter;
  onChange: (filter: FindingsFilter) => void;
}) {
  const { filter, onChange } = props;
  const [search, setSearch] = useState(filter.search ?? '');
  const classes = useReadableTextStyles();

  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);

  useDebounce(
    () => {
      if ((filter.search ?? '') !== search) {
        onChange({ ...filter, search: search || undefined });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [search],
  );

  const update = (patch: Partial<FindingsFilter>) =>
    onChange({ ...filter, ...patch });

  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16} mb={2}>
      <TextField
        id="aws-findings-search"
        label="Search findings"
        type="search"
        variant="outlined"
        size="small"
        value={search}
        onChange={event => setSearch(event.target.value)}
        helperText="Title, CVE, package or resource"
        InputLabelProps={{ className: classes.text }}
        FormHelperTextProps={{ className: classes.text }}
      />
      <SeverityFilter
        value={filter.severity ?? []}
        onChange={severity => update({ severity })}
      />
      <NativeSelectField
        id="aws-findings-status"
        label="Status"
        value={filter.status ?? ''}
        options={[
          ANY,
          { value: 'ACTIVE', label: 'Active' },
          { value: 'SUPPRESSED', label: 'Suppressed' },
          { value: 'CLOSED', label: 'Closed' },
        ]}
        onChange={value =>
          update({ status: (value || undefined) as FindingStatus | undefined })
        }
      />
      <NativeSelectField
        id="aws-findings-resource-type"
        label="Resource type"
        value={filter.resourceType ?? ''}
        options={[
          ANY,
          ...Object.entries(RESOURCE_TYPE_NAMES).map(([value, label]) => ({
            value,
            label,
          })),
        ]}
        onChange={value => update({ resourceType: value || undefined })}
      />
      <NativeSelectField
        id="aws-findings-fix-available"
        label="Fix available"
        value={filter.fixAvailable ?? ''}
        options={[
          ANY,
          { value: 'YES', label: 'Yes' },
          { value: 'PARTIAL', label: 'Partial' },
          { value: 'NO', label: 'No' },
        ]}
        onChange={value =>
          update({
            fixAvailable: (value || undefined) as FixAvailable | undefined,
          })
        }
      />
      <NativeSelectField
        id="aws-findings-exploit-available"
        label="Exploit available"
        value={booleanOption(filter.exploitAvailable)}
        options={[
          ANY,
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No' },
        ]}
        onChange={value =>
          update({
            exploitAvailable: value === '' ? undefined : value === 'true',
          })
        }
      />
      <NativeSelectField
        id="aws-findings-sort"
        label="Sort by"
        value={filter.sort ?? 'severity'}
        options={[
          { value: 'severity', label: 'Severity' },
          { value: 'inspectorScore', label: 'Inspector score' },
          { value: 'title', label: 'Title' },
          { value: 'firstObservedAt', label: 'First seen' },
          { value: 'lastObservedAt', label: 'Last seen' },
        ]}
        onChange={value => update({ sort: value as FindingsSortField })}
      />
      <NativeSelectField
        id="aws-findings-order"
        label="Order"
        value={filter.order ?? 'desc'}
        options={[
          { value: 'desc', label: 'Descending' },
          { value: 'asc', label: 'Ascending' },
        ]}
        onChange={value => update({ order: value as 'asc' | 'desc' })}
      />
    </Box>
  );
}
