import { spawn } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { resolve } from 'node:path';

function runCli(args: string[], until: (output: string) => boolean) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(__dirname, 'cli.ts'),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise<{
    output: string;
    code: number | null;
    child: typeof child;
  }>(done => {
    const check = () => {
      if (until(output)) done({ output, code: null, child });
    };
    child.stdout.on('data', chunk => {
      output += chunk;
      check();
    });
    child.stderr.on('data', chunk => {
      output += chunk;
      check();
    });
    child.on('exit', code => done({ output, code, child }));
  });
}

describe('aws-sandbox command', () => {
  it('prints the endpoint when ready and exits cleanly on SIGTERM', async () => {
    const { output, child } = await runCli(
      ['--port', '0', '--accounts', '20'],
      text => text.includes('listening on'),
    );
    expect(output).toMatch(
      /^aws-sandbox listening on http:\/\/localhost:\d+ \(organization o-sra0example1, 20 accounts/,
    );
    const exited = new Promise(done => child.on('exit', code => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says clearly that the port is in use and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>(done => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output, code } = await runCli(
        ['--port', String(port)],
        () => false,
      );
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad option value with the usage', async () => {
    const { output, code } = await runCli(['--accounts', 'many'], () => false);
    expect(code).toBe(1);
    expect(output).toContain(
      '--accounts must be a number of zero or more, got "many"',
    );
    expect(output).toContain('Usage: aws-sandbox');
  });
});
