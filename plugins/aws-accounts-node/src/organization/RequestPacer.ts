import { InputError } from '@backstage/errors';

/** @public */
export interface RequestPacerOptions {
  /** Requests allowed in flight at once. */
  maxConcurrency: number;
  /** Requests started per second, at most. */
  requestsPerSecond: number;
}

/**
 * Keeps a stream of requests within a service quota: no more than
 * `maxConcurrency` in flight, and starts spaced by `1 / requestsPerSecond`.
 * Spacing the starts keeps a run under the quota; the SDK's retries only
 * handle the throttling that slips through.
 *
 * @public
 */
export class RequestPacer {
  static create(options: RequestPacerOptions): RequestPacer {
    const { maxConcurrency, requestsPerSecond } = options;
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
      throw new InputError(
        `The request concurrency must be a whole number of at least 1, got ${maxConcurrency}`,
      );
    }
    if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
      throw new InputError(
        `The request rate must be a number of requests per second above 0, got ${requestsPerSecond}`,
      );
    }
    return new RequestPacer(maxConcurrency, 1000 / requestsPerSecond);
  }

  readonly #maxConcurrency: number;
  readonly #intervalMs: number;
  readonly #waiting: Array<() => void> = [];
  #inFlight = 0;
  #nextStartAt = 0;

  private constructor(maxConcurrency: number, intervalMs: number) {
    this.#maxConcurrency = maxConcurrency;
    this.#intervalMs = intervalMs;
  }

  /** Runs the request when a slot and the rate allow it. */
  async run<T>(request: () => Promise<T>): Promise<T> {
    await this.#acquireSlot();
    try {
      await this.#waitForTurn();
      return await request();
    } finally {
      this.#releaseSlot();
    }
  }

  async #acquireSlot(): Promise<void> {
    if (this.#inFlight < this.#maxConcurrency) {
      this.#inFlight += 1;
      return;
    }
    // The releasing request hands its slot over, so the count stays put.
    await new Promise<void>(resolve => this.#waiting.push(resolve));
  }

  #releaseSlot(): void {
    const next = this.#waiting.shift();
    if (next) {
      next();
    } else {
      this.#inFlight -= 1;
    }
  }

  async #waitForTurn(): Promise<void> {
    const now = Date.now();
    const startAt = Math.max(now, this.#nextStartAt);
    this.#nextStartAt = startAt + this.#intervalMs;
    if (startAt > now) {
      await new Promise(resolve => setTimeout(resolve, startAt - now));
    }
  }
}
