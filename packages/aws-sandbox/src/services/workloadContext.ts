import { AwsServiceError } from '../protocols/AwsServiceError';
import type { WorkloadResources } from '../state/workloadResources';
import { OperationContext } from './ServiceDefinition';

/** The caller's workload resources in the request's Region. */
export function workloadOf(
  context: OperationContext,
  serviceName: string,
): WorkloadResources {
  const { state, caller, region } = context;
  if (!state.regions.includes(region)) {
    throw new AwsServiceError(
      'UnrecognizedClientException',
      `${serviceName} is not available to account ${
        caller.accountId
      } in ${region}; use one of ${state.regions.join(', ')}.`,
      400,
    );
  }
  return state.regional(caller.accountId, region).workload;
}
