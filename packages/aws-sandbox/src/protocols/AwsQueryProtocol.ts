import { AwsServiceError } from './AwsServiceError';
import { Protocol } from './Protocol';
import { parseQueryParameters } from './queryParameters';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';
import { buildXml } from './xmlDocument';

/** Reads `Action` and parameters from a form body or the query string. */
export function readQueryRequest(request: SandboxRequest): ParsedOperation {
  const params = request.body.length
    ? new URLSearchParams(request.body.toString('utf8'))
    : request.query;
  const operation = params.get('Action');
  if (!operation) {
    throw new AwsServiceError(
      'MissingAction',
      'The request has no Action parameter; query protocol requests name their operation as Action=<Operation>.',
    );
  }
  return { operation, input: parseQueryParameters(params) };
}

/**
 * awsQuery (STS, CloudFormation, ELBv2, RDS): form-encoded `Action`
 * requests, `<OperationResponse><OperationResult>` XML answers and
 * `<ErrorResponse>` errors.
 *
 * @public
 */
export class AwsQueryProtocol implements Protocol {
  readonly unknownOperationCode = 'InvalidAction';
  readonly #namespace: string;

  constructor(namespace: string) {
    this.#namespace = namespace;
  }

  parse(request: SandboxRequest): ParsedOperation {
    return readQueryRequest(request);
  }

  serialize(
    operation: string,
    output: unknown,
    request: SandboxRequest,
  ): SandboxResponse {
    const content: Record<string, unknown> = {};
    if (output && Object.keys(output).length > 0) {
      content[`${operation}Result`] = output;
    }
    content.ResponseMetadata = { RequestId: request.requestId };
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/xml' },
      body: buildXml(
        `${operation}Response`,
        this.#namespace,
        content,
        'member',
      ),
    };
  }

  serializeError(
    error: AwsServiceError,
    request: SandboxRequest,
  ): SandboxResponse {
    return {
      statusCode: error.statusCode,
      headers: { 'content-type': 'text/xml' },
      body: buildXml(
        'ErrorResponse',
        this.#namespace,
        {
          Error: {
            Type: error.isSenderFault ? 'Sender' : 'Receiver',
            Code: error.code,
            Message: error.message,
            ...error.extra,
          },
          RequestId: request.requestId,
        },
        'member',
      ),
    };
  }
}
