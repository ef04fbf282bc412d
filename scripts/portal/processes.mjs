// Child processes of the portal scripts: started in their own process group
// so that stopping one stops everything it started (webpack, the backend's
// restarter, node-gyp children).
import { spawn } from 'node:child_process';
import net from 'node:net';

// Every process started and not yet stopped, so that Ctrl-C stops them even
// while the portal is still starting.
const running = new Set();

export async function stopAllProcesses() {
  await Promise.all([...running].map(proc => proc.stop()));
}

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
  const proc = {
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
      running.delete(proc);
    },
  };
  running.add(proc);
  exited.then(() => running.delete(proc));
  return proc;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

// Free on IPv4 and on IPv6: a listener on either makes the portal's servers
// fail (or, worse, answer the readiness probe in their place).
export async function isPortFree(port) {
  for (const host of ['0.0.0.0', '::']) {
    if (!(await canListen(port, host))) return false;
  }
  return true;
}

function canListen(port, host) {
  return new Promise(resolve => {
    const server = net.createServer();
    // A machine without IPv6 cannot listen on '::' at all; that says nothing
    // about the port.
    server.once('error', error => resolve(error.code !== 'EADDRINUSE'));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen({ port, host, ipv6Only: host === '::' });
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
