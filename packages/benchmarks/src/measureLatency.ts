import { mockCredentials } from '@backstage/backend-test-utils';
import { performance } from 'node:perf_hooks';
import { percentile } from './percentiles';

/** Latency of one endpoint under concurrent requests. */
export interface Latency {
  p50: number;
  p99: number;
  requests: number;
  concurrency: number;
}

/**
 * Sends `requests` GETs with `concurrency` in flight and returns the
 * response-time percentiles in milliseconds; any non-200 answer aborts.
 */
export async function measureLatency(
  url: string,
  options: { requests: number; concurrency: number },
): Promise<Latency> {
  const authorization = mockCredentials.user.header();
  const samples: number[] = [];
  let remaining = options.requests;
  // Warm-up: connection pools, query plans, caches.
  for (let i = 0; i < 5; i++) {
    await (await fetch(url, { headers: { authorization } })).arrayBuffer();
  }
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (remaining > 0) {
        remaining--;
        const started = performance.now();
        const response = await fetch(url, { headers: { authorization } });
        await response.arrayBuffer();
        samples.push(performance.now() - started);
        if (response.status !== 200) {
          throw new Error(`GET ${url} answered ${response.status}`);
        }
      }
    }),
  );
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    requests: samples.length,
    concurrency: options.concurrency,
  };
}
