const DAY_MS = 86400000;

/**
 * The moment generated data is dated back from: the start of the current
 * UTC day. Findings and certificates stay as recent relative to "now" on
 * any day the sandbox runs, and are the same all day long.
 */
export const SEED_TODAY_MS = Math.floor(Date.now() / DAY_MS) * DAY_MS;

/** A date `days` from the seed's today (negative for the past). */
export function daysFromSeedToday(days: number): Date {
  return new Date(SEED_TODAY_MS + days * DAY_MS);
}
