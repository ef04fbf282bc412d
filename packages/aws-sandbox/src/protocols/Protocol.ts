import { AwsServiceError } from './AwsServiceError';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';

/**
 * One AWS wire protocol: how an operation and its input are read from a
 * request, and how an output or an error is written so that the SDK's
 * deserializer for that protocol reads it back.
 *
 * @public
 */
export interface Protocol {
  /** The error code for an operation the service does not know. */
  readonly unknownOperationCode: string;
  parse(request: SandboxRequest): ParsedOperation;
  serialize(
    operation: string,
    output: unknown,
    request: SandboxRequest,
  ): SandboxResponse;
  serializeError(
    error: AwsServiceError,
    request: SandboxRequest,
    operation: string | undefined,
  ): SandboxResponse;
}
