import { Agent } from 'node:http';
import { SandboxHandle } from '../startSandbox';

/**
 * Settings for an SDK client aimed at a running sandbox: its endpoint, a
 * Region and static credentials (`AKIA<account id>...` to act as a user of
 * that account).
 */
export function clientSettings(
  sandbox: SandboxHandle,
  options: { region?: string; accountId?: string; maxAttempts?: number } = {},
) {
  return {
    endpoint: sandbox.endpoint,
    region: options.region ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 1,
    credentials: {
      accessKeyId: options.accountId
        ? `AKIA${options.accountId}TEST`
        : 'AKIASANDBOXTEST',
      secretAccessKey: 'sandbox-secret',
    },
  };
}

/**
 * An HTTP agent that resolves every host name to the loopback address.
 * S3 Control puts the account id in front of the endpoint's host name
 * (`111111111111.127.0.0.1`), which no resolver knows; with this agent the
 * request still reaches the sandbox.
 */
export function loopbackAgent() {
  return new Agent({
    lookup: (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (
          callback as (
            error: null,
            addresses: { address: string; family: number }[],
          ) => void
        )(null, [{ address: '127.0.0.1', family: 4 }]);
      } else {
        callback(null, '127.0.0.1', 4);
      }
    },
  });
}
