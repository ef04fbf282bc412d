import os from 'node:os';

/** The machine a benchmark ran on, for the report header. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${
    cpus.length
  } cores, ${memoryGiB} GiB memory, Node ${
    process.version
  }, ${os.platform()} ${os.release()}`;
}
