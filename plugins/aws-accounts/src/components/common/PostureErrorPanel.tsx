import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/**
 * Shows why posture data could not be loaded. A 404 from the posture service
 * means "unknown account or not allowed", which it does not tell apart.
 *
 * @internal
 */
export function PostureErrorPanel(props: { error: Error; subject: string }) {
  const { error, subject } = props;

  if (ResponseError.is(error) && error.statusCode === 404) {
    return (
      <EmptyState
        missing="data"
        title={`No ${subject} to show`}
        description="The posture service has nothing for this account that you may read: either you are not allowed to see it, or the account is not collected yet. Ask the account's owner or the security team for access."
      />
    );
  }

  return (
    <ResponseErrorPanel error={error} title={`Could not load ${subject}`} />
  );
}
