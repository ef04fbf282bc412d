import { Protocol } from '../protocols/Protocol';
import { CallerIdentity, SandboxRequest } from '../protocols/SandboxRequest';
import type { SandboxState } from '../state/SandboxState';

/**
 * What a handler knows about the call it answers.
 *
 * @public
 */
export interface OperationContext {
  state: SandboxState;
  caller: CallerIdentity;
  region: string;
  request: SandboxRequest;
}

/**
 * One operation: reads the input in the model's member names and returns
 * the output in the same terms; the protocol does the wire format.
 *
 * @public
 */
export type OperationHandler = (
  input: Record<string, unknown>,
  context: OperationContext,
) => unknown;

/**
 * How a service answers when a caller exceeds its quota: the code and
 * status AWS sends, which the SDK's retry strategy treats as throttling.
 *
 * @public
 */
export interface ThrottleErrorShape {
  code: string;
  statusCode: number;
  message: string;
}

/**
 * One AWS service of the sandbox.
 *
 * @public
 */
export interface ServiceDefinition {
  /** The signing name in the SigV4 credential scope, e.g. `securityhub`. */
  signingName: string;
  protocol: Protocol;
  throttle: ThrottleErrorShape;
  /** The error code this service uses for an invalid input. */
  validationErrorCode: string;
  operations: Record<string, OperationHandler>;
}
