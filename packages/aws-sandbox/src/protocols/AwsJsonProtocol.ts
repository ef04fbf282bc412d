import { AwsServiceError } from './AwsServiceError';
import { parseJsonBody, toJsonBody } from './jsonBody';
import { Protocol } from './Protocol';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';

/**
 * awsJson1_0 and awsJson1_1: `POST /` with `X-Amz-Target: Prefix.Operation`
 * and a JSON body; errors carry their code in `__type` and the
 * `x-amzn-errortype` header.
 *
 * @public
 */
export class AwsJsonProtocol implements Protocol {
  readonly unknownOperationCode = 'UnknownOperationException';
  readonly #contentType: string;

  constructor(version: '1.0' | '1.1') {
    this.#contentType = `application/x-amz-json-${version}`;
  }

  parse(request: SandboxRequest): ParsedOperation {
    const target = request.headers['x-amz-target'];
    if (typeof target !== 'string' || !target.includes('.')) {
      throw new AwsServiceError(
        'UnknownOperationException',
        'The X-Amz-Target header is missing; JSON protocol requests name their operation as X-Amz-Target: <Service>.<Operation>.',
      );
    }
    return {
      operation: target.slice(target.lastIndexOf('.') + 1),
      input: parseJsonBody(request.body),
    };
  }

  serialize(_operation: string, output: unknown): SandboxResponse {
    return {
      statusCode: 200,
      headers: { 'content-type': this.#contentType },
      body: toJsonBody(output ?? {}),
    };
  }

  serializeError(error: AwsServiceError): SandboxResponse {
    return {
      statusCode: error.statusCode,
      headers: {
        'content-type': this.#contentType,
        'x-amzn-errortype': error.code,
      },
      body: toJsonBody({
        __type: error.code,
        message: error.message,
        Message: error.message,
        ...error.extra,
      }),
    };
  }
}
