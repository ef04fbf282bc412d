import { QUOTA_TABLE, QuotaRate } from './quotaTable';
import { TokenBucket } from './TokenBucket';

/**
 * Token buckets per operation, account and Region at the rates of the quota
 * table, multiplied by `scale` (a benchmark may raise them, a throttling
 * test lower them).
 */
export class QuotaLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  #overrides: Record<string, QuotaRate>;
  #scale: number;

  constructor(scale = 1, overrides: Record<string, QuotaRate> = {}) {
    this.#scale = scale;
    this.#overrides = { ...overrides };
  }

  setScale(scale: number) {
    this.#scale = scale;
    this.#buckets.clear();
  }

  setRate(key: string, rate: QuotaRate) {
    this.#overrides[key] = rate;
    this.#buckets.clear();
  }

  rateFor(service: string, operation: string): QuotaRate {
    const key = `${service}:${operation}`;
    return (
      this.#overrides[key] ??
      QUOTA_TABLE[key] ??
      this.#overrides[service] ??
      QUOTA_TABLE[service] ??
      QUOTA_TABLE.default
    );
  }

  /** Whether the call may proceed; false means answer with a throttle. */
  take(
    service: string,
    operation: string,
    accountId: string,
    region: string,
    now = Date.now(),
  ): boolean {
    if (this.#scale <= 0) {
      return true;
    }
    const key = `${service}:${operation}:${accountId}:${region}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      const { rate, burst } = this.rateFor(service, operation);
      bucket = new TokenBucket(
        rate * this.#scale,
        Math.max(1, burst * this.#scale),
        now,
      );
      this.#buckets.set(key, bucket);
    }
    return bucket.take(now);
  }

  /** Forgets the buckets' levels and every rate set with setRate. */
  reset() {
    this.#overrides = {};
    this.#buckets.clear();
  }
}
