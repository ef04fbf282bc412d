import { AwsServiceError } from './AwsServiceError';
import { readQueryRequest } from './AwsQueryProtocol';
import { Protocol } from './Protocol';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';
import { buildXml } from './xmlDocument';

const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/**
 * ec2Query: `Action` requests like awsQuery, but answers hold their members
 * directly under `<OperationResponse>` with lists of `<item>`, and errors
 * are `<Response><Errors><Error>`.
 *
 * @public
 */
export class Ec2QueryProtocol implements Protocol {
  readonly unknownOperationCode = 'InvalidAction';
  parse(request: SandboxRequest): ParsedOperation {
    return readQueryRequest(request);
  }

  serialize(
    operation: string,
    output: unknown,
    request: SandboxRequest,
  ): SandboxResponse {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/xml;charset=UTF-8' },
      body: buildXml(
        `${operation}Response`,
        EC2_NAMESPACE,
        { requestId: request.requestId, ...(output as object) },
        'item',
      ),
    };
  }

  serializeError(
    error: AwsServiceError,
    request: SandboxRequest,
  ): SandboxResponse {
    return {
      statusCode: error.statusCode,
      headers: { 'content-type': 'text/xml;charset=UTF-8' },
      body: buildXml(
        'Response',
        undefined,
        {
          Errors: { Error: { Code: error.code, Message: error.message } },
          RequestID: request.requestId,
        },
        'item',
      ),
    };
  }
}
