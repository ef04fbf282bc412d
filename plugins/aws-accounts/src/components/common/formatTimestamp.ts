import { DateTime } from 'luxon';

/**
 * A timestamp as a short absolute date and time in the user's zone, with
 * how long ago it was, for example `3 Dec 2026, 14:05 (2 hours ago)`.
 *
 * @internal
 */
export function formatTimestamp(iso: string | undefined): string {
  if (!iso) {
    return 'never';
  }
  const time = DateTime.fromISO(iso);
  if (!time.isValid) {
    return iso;
  }
  const absolute = time.toLocaleString(DateTime.DATETIME_MED);
  return `${absolute} (${time.toRelative()})`;
}

/** @internal */
export function formatDate(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toLocaleString(DateTime.DATE_MED) : iso;
}
