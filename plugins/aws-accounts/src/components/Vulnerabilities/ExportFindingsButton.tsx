import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { awsAccountsApiRef } from '../../api';
import { downloadFile } from './downloadFile';
import { fetchAllFindings } from './fetchAllFindings';
import { findingsToCsv } from './findingsCsv';
import { FindingsFilter } from './findingsFilter';

/**
 * Downloads every finding of the current filter as CSV.
 *
 * @internal
 */
export function ExportFindingsButton(props: {
  accountId: string;
  filter: FindingsFilter;
}) {
  const { accountId, filter } = props;
  const api = useApi(awsAccountsApiRef);
  const [status, setStatus] = useState<string>();
  const [running, setRunning] = useState(false);

  const exportCsv = async () => {
    setRunning(true);
    setStatus('Exporting…');
    try {
      const findings = await fetchAllFindings(
        api,
        accountId,
        filter,
        (read, total) => setStatus(`Exporting ${read} of ${total}…`),
      );
      downloadFile(
        `inspector-findings-${accountId}.csv`,
        findingsToCsv(findings),
        'text/csv;charset=utf-8',
      );
      setStatus(`Exported ${findings.length} findings.`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setStatus(`Export failed: ${reason}. Try again, or narrow the filter.`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Button
        variant="outlined"
        size="small"
        onClick={exportCsv}
        disabled={running}
      >
        Export CSV
      </Button>
      <Typography variant="caption" role="status">
        {status}
      </Typography>
    </Box>
  );
}
