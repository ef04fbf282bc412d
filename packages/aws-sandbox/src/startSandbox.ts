import { AddressInfo } from 'node:net';
import { installLoopbackResolver } from './installLoopbackResolver';
import { CallCounter } from './control/CallCounter';
import { FaultInjector } from './control/FaultInjector';
import { createSandboxControl, SandboxControl } from './control/SandboxControl';
import { QuotaLimiter } from './quotas/QuotaLimiter';
import { buildSandboxState, SeedOptions } from './seed/buildSandboxState';
import { describeSeed, SandboxSeed } from './seed/describeSeed';
import { createSandboxServer, SandboxLogger } from './server/SandboxServer';
import { SessionRegistry } from './services/sts/SessionRegistry';
import { SandboxState } from './state/SandboxState';
import { SEED_ORGANIZATION } from './seed/defaultOrganization';

/**
 * How to start the sandbox.
 *
 * @public
 */
export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. Default 4566. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  seed?: SeedOptions;
  /** How long an Account Factory record or a stack takes. Default 3000. */
  provisioningDelayMs?: number;
  /** Multiplies every quota rate; 0 turns throttling off. Default 1. */
  quotaScale?: number;
  /** Where unexpected failures are reported; silent when absent. */
  logger?: SandboxLogger;
}

/**
 * A running sandbox.
 *
 * @public
 */
export interface SandboxHandle {
  /**
   * The URL to use as the SDK endpoint, e.g. `http://localhost:4566`. Its host
   * is a loopback name so that account-prefixed hosts (S3 Control) resolve
   * too; see installLoopbackResolver.
   */
  readonly endpoint: string;
  readonly port: number;
  /** The seeded organization; changes when the control interface resets it. */
  readonly seed: SandboxSeed;
  readonly control: SandboxControl;
  stop(): Promise<void>;
}

/**
 * The default port, the same as other local AWS emulators use.
 *
 * @public
 */
export const DEFAULT_SANDBOX_PORT = 4566;
const DEFAULT_PROVISIONING_DELAY_MS = 3000;
const LOOPBACK_LISTEN_HOSTS = new Set([
  '127.0.0.1',
  '0.0.0.0',
  '::',
  '::1',
  'localhost',
]);

/**
 * Starts the sandbox: one HTTP port that speaks the AWS protocols of the
 * services the portal uses, seeded with an SRA organization.
 *
 * @public
 */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<SandboxHandle> {
  const provisioningDelayMs =
    options.provisioningDelayMs ?? DEFAULT_PROVISIONING_DELAY_MS;
  if (!(provisioningDelayMs >= 0)) {
    throw new RangeError(
      `provisioningDelayMs must be zero or more, got ${options.provisioningDelayMs}`,
    );
  }
  const quotaScale = options.quotaScale ?? 1;
  if (!(quotaScale >= 0)) {
    throw new RangeError(
      `quotaScale must be zero or more, got ${options.quotaScale}`,
    );
  }

  let seedOptions: SeedOptions = options.seed ?? {};
  const sessions = new SessionRegistry(
    () => SEED_ORGANIZATION.managementAccountId,
  );
  let state: SandboxState = buildSandboxState(
    seedOptions,
    sessions,
    provisioningDelayMs,
  );
  const faults = new FaultInjector();
  const calls = new CallCounter();
  const quotas = new QuotaLimiter(quotaScale);
  const control = createSandboxControl({
    state: () => state,
    reset: seed => {
      seedOptions = seed;
      state = buildSandboxState(seed, sessions, provisioningDelayMs);
    },
    faults,
    calls,
    quotas,
  });
  const seed = () => describeSeed(state, seedOptions);
  const server = createSandboxServer({
    state: () => state,
    control,
    seed,
    faults,
    calls,
    quotas,
    logger: options.logger,
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SANDBOX_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  server.keepAliveTimeout = 5000;

  installLoopbackResolver();
  const endpointHost = LOOPBACK_LISTEN_HOSTS.has(host) ? 'localhost' : host;

  return {
    endpoint: `http://${endpointHost}:${port}`,
    port,
    get seed() {
      return seed();
    },
    control,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
