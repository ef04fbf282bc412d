import { hexDigest } from '../resourceId';

/** Streams of generated findings, one per kind. */
export const FINDING_STREAMS = {
  inspector: 0x1a2b3c01,
  securityHub: 0x1a2b3c02,
  securityHubProduct: 0x1a2b3c03,
  guardDuty: 0x1a2b3c04,
  guardDutyDetail: 0x1a2b3c05,
} as const;

/**
 * A small seeded pseudo-random generator (mulberry32): the same seed
 * always gives the same sequence, so generated findings are reproducible
 * without being stored.
 */
export class Random {
  #state: number;

  constructor(...seed: (string | number)[]) {
    this.#state = seed.length
      ? parseInt(hexDigest(seed.join('/'), 8), 16) >>> 0
      : 0;
  }

  /**
   * The generator of one finding: a stream (one per kind of finding), the
   * account and the finding's position, mixed with integer arithmetic so
   * that indexing a million findings allocates no strings.
   */
  static forFinding(stream: number, accountId: string, local: number): Random {
    const id = Number(accountId);
    let hash = Math.imul((id % 4294967296 >>> 0) ^ stream, 0x9e3779b1);
    hash ^= Math.floor(id / 4294967296);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ local, 0xc2b2ae35);
    const random = new Random();
    random.#state = (hash ^ (hash >>> 16)) >>> 0;
    return random;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  integer(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.integer(items.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return choices[choices.length - 1][0];
  }
}
