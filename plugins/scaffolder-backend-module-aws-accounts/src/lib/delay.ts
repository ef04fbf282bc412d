import { ServiceUnavailableError } from '@backstage/errors';

function cancelled(): ServiceUnavailableError {
  return new ServiceUnavailableError('The task was cancelled while waiting');
}

/**
 * Waits for the given time, or rejects early when the task is cancelled.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) {
    return Promise.reject(cancelled());
  }
  return new Promise((resolve, reject) => {
    const waiting: { timer?: ReturnType<typeof setTimeout> } = {};
    const onAbort = () => {
      clearTimeout(waiting.timer);
      reject(cancelled());
    };
    waiting.timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The next wait of an exponential backoff: doubled, capped. */
export function nextInterval(current: number, max: number): number {
  return Math.min(Math.max(current * 2, 1), max);
}
