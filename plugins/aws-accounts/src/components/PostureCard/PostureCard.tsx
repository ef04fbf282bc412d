import { InfoCard, Progress } from '@backstage/core-components';
import { usePosture } from '../../hooks/usePosture';
import { useEntityAccountId } from '../../hooks/useEntityAccountId';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { MissingAccountAnnotation } from '../common/MissingAccountAnnotation';
import { PostureSummary } from './PostureSummary';
import { RefreshPostureButton } from './RefreshPostureButton';

function PostureCardBody(props: { posture: ReturnType<typeof usePosture> }) {
  const { value, loading, error } = props.posture;

  if (loading && !value) {
    return <Progress aria-label="Loading posture" />;
  }
  if (error) {
    return <PostureErrorPanel error={error} subject="posture" />;
  }
  if (!value) {
    return null;
  }
  return <PostureSummary posture={value} />;
}

/**
 * The posture card of an entity with the `amazonaws.com/account-id`
 * annotation: score, findings by severity, security services, freshness.
 *
 * @public
 */
export function PostureCard() {
  const { accountId, entityRef } = useEntityAccountId();

  if (!accountId) {
    return <MissingAccountAnnotation />;
  }

  return <AccountPostureCard accountId={accountId} entityRef={entityRef} />;
}

function AccountPostureCard(props: { accountId: string; entityRef: string }) {
  const { accountId, entityRef } = props;
  const posture = usePosture(accountId);

  return (
    <InfoCard
      title="AWS security posture"
      subheader={`Account ${accountId}`}
      action={
        <RefreshPostureButton
          accountId={accountId}
          entityRef={entityRef}
          onRefreshed={posture.retry}
        />
      }
    >
      <PostureCardBody posture={posture} />
    </InfoCard>
  );
}
