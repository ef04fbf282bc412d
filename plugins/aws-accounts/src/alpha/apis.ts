import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { AwsAccountsClient, awsAccountsApiRef } from '../api';

/**
 * The posture service client.
 *
 * @alpha
 */
export const awsAccountsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsAccountsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsAccountsClient({ discoveryApi, fetchApi }),
    }),
});
