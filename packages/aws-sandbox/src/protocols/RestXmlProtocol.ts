import { XMLParser } from 'fast-xml-parser';
import { AwsServiceError } from './AwsServiceError';
import { Protocol } from './Protocol';
import { RestJsonProtocol, RestRoute } from './RestJsonProtocol';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';
import { buildXml } from './xmlDocument';

/**
 * What a restXml handler returns: the root element of the payload, or
 * nothing for an empty 200 answer.
 *
 * @public
 */
export interface RestXmlPayload {
  rootName: string;
  content: Record<string, unknown>;
}

const parser = new XMLParser({ parseTagValue: false });

/**
 * restXml (S3 Control): routes like restJson, XML payloads, and errors as
 * `<Error><Code>` documents. The account id arrives in `x-amz-account-id`.
 *
 * @public
 */
export class RestXmlProtocol implements Protocol {
  readonly unknownOperationCode = 'NotImplemented';
  readonly #routes: RestJsonProtocol;
  readonly #namespace: string;

  constructor(routes: RestRoute[], namespace: string) {
    this.#routes = new RestJsonProtocol(routes);
    this.#namespace = namespace;
  }

  parse(request: SandboxRequest): ParsedOperation {
    const { operation } = this.#routes.parse({
      ...request,
      body: Buffer.alloc(0),
    });
    const text = request.body.toString('utf8').trim();
    const input: Record<string, unknown> = text ? parser.parse(text) : {};
    const accountId = request.headers['x-amz-account-id'];
    if (typeof accountId === 'string') {
      input.AccountId = accountId;
    }
    return { operation, input };
  }

  serialize(_operation: string, output: unknown): SandboxResponse {
    const payload = output as RestXmlPayload | undefined;
    if (!payload?.rootName) {
      return { statusCode: 200, headers: {}, body: '' };
    }
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/xml' },
      body: buildXml(
        payload.rootName,
        this.#namespace,
        payload.content,
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
      headers: { 'content-type': 'application/xml' },
      body: buildXml(
        'Error',
        undefined,
        {
          Code: error.code,
          Message: error.message,
          RequestId: request.requestId,
        },
        'member',
      ),
    };
  }
}
