import { AwsServiceError } from './AwsServiceError';
import { parseJsonBody, toJsonBody } from './jsonBody';
import { Protocol } from './Protocol';
import {
  ParsedOperation,
  SandboxRequest,
  SandboxResponse,
} from './SandboxRequest';

/**
 * One REST route: an HTTP method and a path template such as
 * `/detector/{DetectorId}/findings/get`; `{Name}` segments become input
 * members, and `query` maps query-string names to input members.
 *
 * @public
 */
export interface RestRoute {
  method: string;
  path: string;
  operation: string;
  query?: Record<string, string>;
}

interface CompiledRoute extends RestRoute {
  pattern: RegExp;
  names: string[];
}

/**
 * restJson1: the operation is chosen by method and path, the input is the
 * JSON body plus path and query bindings, errors carry their code in the
 * `x-amzn-errortype` header.
 *
 * @public
 */
export class RestJsonProtocol implements Protocol {
  readonly unknownOperationCode = 'UnknownOperationException';
  readonly #routes: CompiledRoute[];

  constructor(routes: RestRoute[]) {
    this.#routes = routes.map(route => {
      const names: string[] = [];
      const source = route.path.replace(
        /\{(\w+)(\+?)\}/g,
        (_m, name: string, greedy: string) => {
          names.push(name);
          return greedy ? '(.+)' : '([^/]+)';
        },
      );
      return { ...route, names, pattern: new RegExp(`^${source}/?$`) };
    });
  }

  parse(request: SandboxRequest): ParsedOperation {
    for (const route of this.#routes) {
      if (route.method !== request.method) {
        continue;
      }
      const match = route.pattern.exec(request.path);
      if (!match) {
        continue;
      }
      const input: Record<string, unknown> = parseJsonBody(request.body);
      route.names.forEach((name, index) => {
        input[name] = decodeURIComponent(match[index + 1]);
      });
      for (const [queryName, member] of Object.entries(route.query ?? {})) {
        const value = request.query.get(queryName);
        if (value !== null) {
          input[member] = value;
        }
      }
      return { operation: route.operation, input };
    }
    throw new AwsServiceError(
      'UnknownOperationException',
      `No ${request.service} operation is served at ${request.method} ${request.path}; check the client version and the endpoint.`,
      404,
    );
  }

  serialize(_operation: string, output: unknown): SandboxResponse {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: toJsonBody(output ?? {}),
    };
  }

  serializeError(error: AwsServiceError): SandboxResponse {
    return {
      statusCode: error.statusCode,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': error.code,
      },
      body: toJsonBody({
        message: error.message,
        Message: error.message,
        Code: error.code,
        ...error.extra,
      }),
    };
  }
}
