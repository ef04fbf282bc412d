// Starts the local portal: the AWS sandbox, then the backend (:7007) and the
// frontend (:3000) with the AWS SDK pointed at the sandbox.
import { join } from 'node:path';
import { isPortFree, startProcess, waitForUrl } from './processes.mjs';

export const PORTS = {
  frontend: 3000,
  backend: 7007,
  sandbox: Number(process.env.AWS_SANDBOX_PORT ?? 4566),
};

const READY_TIMEOUT_MS = 10 * 60_000;

export class PortalStartError extends Error {}

export async function checkPortsFree() {
  for (const [role, port] of Object.entries(PORTS)) {
    if (!(await isPortFree(port))) {
      throw new PortalStartError(
        `port ${port} is already in use, and the ${role} needs it. Stop what listens there (see: ss -ltnp 'sport = :${port}') and try again.`,
      );
    }
  }
}

/**
 * Starts the portal and resolves once the backend and the frontend answer.
 * `stdio` is passed to the children ('inherit' to watch, or 'ignore').
 */
export async function startPortal({
  root,
  stdio = 'inherit',
  log = console.log,
  env = {},
}) {
  await checkPortsFree();

  const sandboxEndpoint = `http://localhost:${PORTS.sandbox}`;
  // The SDK prefixes some hosts with the account id (S3 Control); the
  // sandbox's resolver sends every *.localhost name to 127.0.0.1.
  const loopbackResolver = join(root, 'packages/aws-sandbox/loopback.cjs');
  const awsEnv = {
    ...env,
    AWS_ENDPOINT_URL: sandboxEndpoint,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require "${loopbackResolver}"`]
      .filter(Boolean)
      .join(' '),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIASANDBOXMANAGEMENT',
    AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
  };

  const processes = [];
  const stop = async () => {
    await Promise.all(processes.map(p => p.stop()));
  };
  const allAlive = () =>
    processes.every(
      p => p.child.exitCode === null && p.child.signalCode === null,
    );

  try {
    log(`portal: starting the AWS sandbox on ${sandboxEndpoint}`);
    processes.push(
      startProcess(
        'sandbox',
        'yarn',
        [
          'workspace',
          '@sra-backstage/aws-sandbox',
          'start',
          '--port',
          String(PORTS.sandbox),
        ],
        { cwd: root, stdio },
      ),
    );
    if (
      !(await waitForUrl(`http://127.0.0.1:${PORTS.sandbox}/_sandbox/health`, {
        timeoutMs: 120_000,
        isAlive: allAlive,
      }))
    ) {
      throw new PortalStartError(
        'the AWS sandbox did not start; its output is above',
      );
    }

    log('portal: starting the backend (:7007) and the frontend (:3000)');
    processes.push(
      startProcess('portal', 'yarn', ['backstage-cli', 'repo', 'start'], {
        cwd: root,
        stdio,
        env: awsEnv,
      }),
    );
    const backendReady = await waitForUrl(
      `http://localhost:${PORTS.backend}/.backstage/health/v1/readiness`,
      { timeoutMs: READY_TIMEOUT_MS, isAlive: allAlive },
    );
    const frontendReady =
      backendReady &&
      (await waitForUrl(`http://localhost:${PORTS.frontend}`, {
        timeoutMs: READY_TIMEOUT_MS,
        isAlive: allAlive,
      }));
    if (!frontendReady) {
      throw new PortalStartError(
        `the ${
          backendReady ? 'frontend' : 'backend'
        } did not become ready; its output is above`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    stop,
    exited: Promise.race(processes.map(p => p.exited)),
  };
}
