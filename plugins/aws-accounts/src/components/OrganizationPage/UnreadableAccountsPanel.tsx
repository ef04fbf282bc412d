import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import { OrganizationSummary } from '@sra-backstage/plugin-aws-accounts-common';
import { formatTimestamp } from '../common/formatTimestamp';

/**
 * Accounts whose posture could not be read, and why; nothing when every
 * account was read.
 *
 * @internal
 */
export function UnreadableAccountsPanel(props: {
  unreadable: OrganizationSummary['unreadable'];
}) {
  const { unreadable } = props;

  if (unreadable.length === 0) {
    return null;
  }

  return (
    <WarningPanel
      severity="warning"
      title={`${unreadable.length} account${
        unreadable.length === 1 ? '' : 's'
      } could not be read`}
      message="Their posture is unknown; the reasons below say what to fix."
      defaultExpanded
    >
      <ul aria-label="Accounts that could not be read">
        {unreadable.map(account => (
          <Typography component="li" variant="body2" key={account.accountId}>
            <strong>{account.name}</strong> ({account.accountId}):{' '}
            {account.reason}, since {formatTimestamp(account.since)}
          </Typography>
        ))}
      </ul>
    </WarningPanel>
  );
}
