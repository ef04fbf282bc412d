import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsAccountsApiRef } from '../../api';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { PostureTrendChart } from '../common/PostureTrendChart';

/**
 * The account's score and critical findings over its collections.
 *
 * @internal
 */
export function AccountHistoryCard(props: { accountId: string }) {
  const { accountId } = props;
  const api = useApi(awsAccountsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory(accountId),
    [api, accountId],
  );

  return (
    <InfoCard title="Posture over time">
      {loading && <Progress aria-label="Loading history" />}
      {error && <PostureErrorPanel error={error} subject="history" />}
      {value && (
        <PostureTrendChart
          title={`Score and critical findings of account ${accountId} over time`}
          points={value.map(point => ({
            date: point.collectedAt,
            score: point.score,
            critical: point.findings?.CRITICAL ?? null,
          }))}
        />
      )}
    </InfoCard>
  );
}
