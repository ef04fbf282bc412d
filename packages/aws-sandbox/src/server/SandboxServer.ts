import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { CallCounter } from '../control/CallCounter';
import { CONTROL_PREFIX, handleControlRequest } from '../control/controlRoutes';
import { FaultInjector } from '../control/FaultInjector';
import { SandboxControl } from '../control/SandboxControl';
import { AwsServiceError } from '../protocols/AwsServiceError';
import { SandboxRequest, SandboxResponse } from '../protocols/SandboxRequest';
import { QuotaLimiter } from '../quotas/QuotaLimiter';
import { ServiceDefinition } from '../services/ServiceDefinition';
import { SERVICES } from '../services/serviceRegistry';
import type { SandboxState } from '../state/SandboxState';
import { readCredentialScope } from './credentialScope';

/**
 * Where the server reports requests it could not answer.
 *
 * @public
 */
export interface SandboxLogger {
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface SandboxServerDependencies {
  state(): SandboxState;
  control: SandboxControl;
  seed(): unknown;
  faults: FaultInjector;
  calls: CallCounter;
  quotas: QuotaLimiter;
  logger?: SandboxLogger;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function write(
  response: ServerResponse,
  answer: SandboxResponse,
  requestId: string,
) {
  response.writeHead(answer.statusCode, {
    ...answer.headers,
    'x-amzn-requestid': requestId,
    'x-amz-request-id': requestId,
    'content-length': Buffer.byteLength(answer.body),
  });
  response.end(answer.body);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The HTTP front: `/_sandbox/...` goes to the control interface, anything
 * else is routed by the service in its SigV4 credential scope, then by the
 * service's protocol to an operation.
 */
export function createSandboxServer(
  deps: SandboxServerDependencies,
): http.Server {
  async function answer(
    service: ServiceDefinition,
    request: SandboxRequest,
  ): Promise<SandboxResponse> {
    const { protocol } = service;
    let operation: string | undefined;
    try {
      const parsed = protocol.parse(request);
      operation = parsed.operation;
      deps.calls.record(service.signingName, operation);
      const handler = service.operations[operation];
      if (!handler) {
        throw new AwsServiceError(
          protocol.unknownOperationCode,
          `The sandbox does not implement ${service.signingName}:${operation}; see the README for the operations it serves.`,
          400,
        );
      }

      const latency = deps.faults.latencyFor(service.signingName, operation);
      if (latency > 0) {
        await sleep(latency);
      }
      const failure = deps.faults.failureFor(service.signingName, operation);
      if (failure) {
        throw new AwsServiceError(
          failure === 503 ? 'ServiceUnavailable' : 'InternalFailure',
          `Injected failure of ${service.signingName}:${operation} (sandbox control)`,
          failure,
        );
      }
      if (
        !deps.quotas.take(
          service.signingName,
          operation,
          request.caller.accountId,
          request.region,
        )
      ) {
        const { code, statusCode, message } = service.throttle;
        throw new AwsServiceError(code, message, statusCode);
      }

      const state = deps.state();
      state.advance(Date.now());
      const output = await handler(parsed.input, {
        state,
        caller: request.caller,
        region: request.region,
        request,
      });
      return protocol.serialize(operation, output, request);
    } catch (error) {
      if (error instanceof AwsServiceError) {
        return protocol.serializeError(error, request, operation);
      }
      deps.logger?.error('Sandbox operation failed unexpectedly', {
        service: service.signingName,
        operation,
        error: (error as Error)?.stack ?? String(error),
      });
      return protocol.serializeError(
        new AwsServiceError(
          'InternalFailure',
          `The sandbox failed to answer ${service.signingName}:${operation}: ${
            (error as Error)?.message
          }`,
          500,
        ),
        request,
        operation,
      );
    }
  }

  return http.createServer(async (incoming, response) => {
    const requestId = randomUUID();
    try {
      const url = new URL(incoming.url ?? '/', 'http://sandbox');
      const body = await readBody(incoming);
      const method = incoming.method ?? 'GET';

      if (url.pathname.startsWith(CONTROL_PREFIX)) {
        const result = handleControlRequest(
          deps.control,
          deps.seed,
          method,
          url.pathname,
          body,
        );
        write(
          response,
          { ...result, headers: { 'content-type': 'application/json' } },
          requestId,
        );
        return;
      }

      const scope = readCredentialScope(incoming.headers, url.searchParams);
      const service = scope && SERVICES.get(scope.service);
      if (!scope || !service) {
        write(
          response,
          {
            statusCode: scope ? 400 : 403,
            headers: {
              'content-type': 'application/json',
              'x-amzn-errortype': scope
                ? 'UnknownServiceException'
                : 'MissingAuthenticationTokenException',
            },
            body: JSON.stringify({
              message: scope
                ? `The sandbox does not serve the service "${
                    scope.service
                  }"; it serves ${[...SERVICES.keys()].join(', ')}.`
                : 'The request is not signed with AWS Signature Version 4; use an AWS SDK with any access key.',
            }),
          },
          requestId,
        );
        return;
      }

      const state = deps.state();
      const request: SandboxRequest = {
        service: scope.service,
        region: scope.region,
        caller: state.sessions.identify(scope.accessKeyId),
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        requestId,
      };
      write(response, await answer(service, request), requestId);
    } catch (error) {
      deps.logger?.error('Sandbox request failed', { error: String(error) });
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
      }
      response.end(
        JSON.stringify({ message: 'The sandbox failed to read the request.' }),
      );
    }
  });
}
