import { InputError, NotFoundError, isError } from '@backstage/errors';
import { SandboxControl } from './SandboxControl';

/** Path prefix of the control interface over HTTP. */
export const CONTROL_PREFIX = '/_sandbox';

type Body = Record<string, unknown>;
type ControlRoute = (body: Body) => unknown;

function routes(
  control: SandboxControl,
  seed: () => unknown,
): Record<string, ControlRoute> {
  return {
    'GET /health': () => ({ status: 'ok' }),
    'GET /seed': () => seed(),
    'POST /reset': body => {
      control.reset(body);
      return seed();
    },
    'POST /deny-assume-role': body =>
      control.denyAssumeRole(
        body.accountId as string,
        body.roleName as string | undefined,
      ),
    'POST /allow-assume-role': body =>
      control.allowAssumeRole(
        body.accountId as string,
        body.roleName as string | undefined,
      ),
    'POST /fail-operation': body =>
      control.failOperation({
        service: body.service as string,
        operation: body.operation as string | undefined,
        rate: body.rate as number,
        statusCode: body.statusCode as number | undefined,
      }),
    'POST /latency': body =>
      control.addLatency({
        service: body.service as string | undefined,
        operation: body.operation as string | undefined,
        ms: body.ms as number,
      }),
    'POST /clear-faults': () => control.clearFaults(),
    'POST /hold-records': body => control.holdRecords(body.hold as boolean),
    'POST /fail-next-record': body =>
      control.failNextRecord(body.message as string),
    'POST /fail-next-stack': body =>
      control.failNextStack(body.reason as string),
    'GET /call-counts': () => control.callCounts(),
    'DELETE /call-counts': () => control.resetCallCounts(),
    'POST /tag-account': body =>
      control.tagAccount(
        body.accountId as string,
        body.tags as Record<string, string>,
      ),
    'POST /quota-scale': body => control.setQuotaScale(body.scale as number),
    'POST /quota': body =>
      control.setQuota(body.key as string, {
        rate: body.rate as number,
        burst: body.burst as number,
      }),
  };
}

function statusOf(error: unknown): number {
  if (isError(error)) {
    if (error.name === InputError.name) return 400;
    if (error.name === NotFoundError.name) return 404;
  }
  return 500;
}

/**
 * Answers a `/_sandbox/...` request: JSON in, JSON out, errors as
 * `{ error: { name, message } }` with the status of their
 * `@backstage/errors` type.
 */
export function handleControlRequest(
  control: SandboxControl,
  seed: () => unknown,
  method: string,
  path: string,
  rawBody: Buffer,
): { statusCode: number; body: string } {
  const route = routes(control, seed)[
    `${method} ${path.slice(CONTROL_PREFIX.length)}`
  ];
  try {
    if (!route) {
      throw new NotFoundError(
        `No control operation at ${method} ${path}; see the README for the /_sandbox endpoints`,
      );
    }
    let body: Body = {};
    const text = rawBody.toString('utf8').trim();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new InputError(
          `The body of ${method} ${path} is not JSON; send a JSON object`,
        );
      }
    }
    const result = route(body ?? {});
    return { statusCode: 200, body: JSON.stringify(result ?? { ok: true }) };
  } catch (error) {
    const name = isError(error) ? error.name : 'Error';
    const message = isError(error) ? error.message : String(error);
    return {
      statusCode: statusOf(error),
      body: JSON.stringify({ error: { name, message } }),
    };
  }
}
