import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Finding } from '@sra-backstage/plugin-aws-accounts-common';
import { awsAccountsApiRef } from '../../api';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { FindingDetails } from './FindingDetails';

/**
 * A side panel with the full finding, read again from the service so that
 * it shows the latest state. Escape and the close button close it.
 *
 * @internal
 */
export function FindingDetailsDrawer(props: {
  accountId: string;
  finding: Finding | undefined;
  onClose: () => void;
}) {
  const { accountId, finding, onClose } = props;
  const api = useApi(awsAccountsApiRef);
  const details = useAsync(
    async () => (finding ? api.getFinding(accountId, finding.id) : undefined),
    [api, accountId, finding?.id],
  );

  return (
    <Drawer anchor="right" open={Boolean(finding)} onClose={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="aws-finding-details-title"
        style={{ width: 560, maxWidth: '100vw', padding: 24 }}
      >
        <Box display="flex" alignItems="flex-start">
          <Typography
            variant="h5"
            component="h2"
            id="aws-finding-details-title"
            style={{ flexGrow: 1 }}
          >
            {finding?.title}
          </Typography>
          <IconButton aria-label="Close finding details" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        {details.loading && <Progress aria-label="Loading finding" />}
        {details.error && (
          <PostureErrorPanel error={details.error} subject="finding" />
        )}
        {details.value && <FindingDetails finding={details.value} />}
      </div>
    </Drawer>
  );
}
