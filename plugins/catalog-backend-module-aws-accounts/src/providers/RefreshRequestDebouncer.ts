import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';

export interface RefreshRequestDebouncerOptions {
  /** Starts a read; rejects with a ConflictError while one is running. */
  startRead: () => Promise<void>;
  logger: LoggerService;
  /** How long requests are gathered into one read. */
  delayMs: number;
  /** How often a read that is already running is waited out. */
  maxBusyRetries: number;
}

/**
 * Turns a burst of refresh requests into one read. The first request opens
 * a window of `delayMs`; requests inside it join the same read. When a read is
 * already running it may have listed the accounts before the change that
 * prompted the request, so the debouncer waits one more window and asks
 * again, up to `maxBusyRetries` times.
 */
export class RefreshRequestDebouncer {
  readonly #options: RefreshRequestDebouncerOptions;
  #timer?: ReturnType<typeof setTimeout>;
  #busyRetries = 0;
  #stopped = false;

  constructor(options: RefreshRequestDebouncerOptions) {
    this.#options = options;
  }

  /** Asks for a read soon; cheap to call many times. */
  request(): void {
    if (this.#stopped || this.#timer) {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#startRead().catch(() => {});
    }, this.#options.delayMs);
  }

  /** Drops the pending request; later requests are ignored. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  async #startRead(): Promise<void> {
    const { startRead, logger, maxBusyRetries } = this.#options;
    try {
      await startRead();
      this.#busyRetries = 0;
    } catch (error) {
      if (ConflictError.is(error) && this.#busyRetries < maxBusyRetries) {
        this.#busyRetries += 1;
        this.request();
        return;
      }
      this.#busyRetries = 0;
      logger.warn(
        `Could not start an immediate read of the AWS organization; the accounts are read again on the next schedule: ${error}`,
      );
    }
  }
}
