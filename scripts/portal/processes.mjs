// Child processes of the portal scripts: started in their own process group
// so that stopping one stops everything it started (webpack, the backend's
// restarter, node-gyp children).
import { spawn } from 'node:child_process';
import net from 'node:net';

export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    stdio: options.stdio ?? 'inherit',
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    detached: true,
  });
  const exited = new Promise(resolve => {
    child.on('exit', (code, signal) => resolve({ name, code, signal }));
    child.on('error', error => resolve({ name, code: 1, error }));
  });
  return {
    name,
    child,
    exited,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(
        () => signalGroup(child.pid, 'SIGKILL'),
        timeoutMs,
      );
      await exited;
      clearTimeout(timer);
      // Whatever the leader left behind in its group goes too.
      signalGroup(child.pid, 'SIGKILL');
    },
  };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function isPortFree(port) {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '0.0.0.0');
  });
}

export async function waitForUrl(url, { timeoutMs, isAlive }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 1_000));
  }
  return false;
}
