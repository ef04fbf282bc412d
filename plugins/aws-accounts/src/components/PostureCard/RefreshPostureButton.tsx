import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import { awsAccountsPostureRefreshPermission } from '@sra-backstage/plugin-aws-accounts-common';
import { awsAccountsApiRef } from '../../api';

function refreshFailureMessage(error: unknown): string {
  if (ResponseError.is(error) && error.statusCode === 429) {
    return 'This account was refreshed a moment ago; wait a few minutes before asking again.';
  }
  if (ResponseError.is(error) && error.statusCode === 403) {
    return 'You may not refresh this account; ask its owner or the security team.';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `Could not start a refresh: ${reason}`;
}

/**
 * Asks the posture service to collect the account again now. Shown only to
 * users with the refresh permission on the account's entity; the outcome is
 * announced in a live region next to the button, and `onRefreshed` lets the
 * caller load the new posture.
 *
 * @internal
 */
export function RefreshPostureButton(props: {
  accountId: string;
  entityRef: string;
  onRefreshed?: () => void;
}) {
  const { accountId, entityRef, onRefreshed } = props;
  const api = useApi(awsAccountsApiRef);
  const { allowed } = usePermission({
    permission: awsAccountsPostureRefreshPermission,
    resourceRef: entityRef,
  });
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<string>();

  if (!allowed) {
    return null;
  }

  const refresh = async () => {
    setPending(true);
    setOutcome(undefined);
    try {
      await api.refreshPosture(accountId);
      setOutcome('Collected again.');
      onRefreshed?.();
    } catch (error) {
      setOutcome(refreshFailureMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Typography variant="caption" role="status">
        {outcome}
      </Typography>
      <Button
        variant="outlined"
        size="small"
        onClick={refresh}
        disabled={pending}
        aria-label={`Refresh posture of account ${accountId}`}
      >
        {pending ? 'Refreshing…' : 'Refresh'}
      </Button>
    </Box>
  );
}
