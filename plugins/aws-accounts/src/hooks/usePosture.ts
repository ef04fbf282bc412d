import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { awsAccountsApiRef } from '../api';

/**
 * Loads the latest posture snapshot of an account.
 *
 * @internal
 */
export function usePosture(accountId: string) {
  const api = useApi(awsAccountsApiRef);
  return useAsyncRetry(() => api.getPosture(accountId), [api, accountId]);
}
