/**
 * When a failed delivery is tried again: 1 minute after the first attempt, then 5 minutes,
 * 30 minutes, 2, 6 and 12 hours after each following one — seven attempts over about 21 hours.
 * A failure is a network error, a timeout, a refused address or any answer other than 2xx.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
];

/** An endpoint whose every attempt has failed for this long is disabled. */
export const DISABLE_FAILING_ENDPOINT_AFTER_MS = 5 * 24 * HOUR;

/** When attempt `attempt + 1` is due after attempt `attempt` failed at `failedAt`; null when it was the last. */
export function nextAttemptAt(
  attempt: number,
  failedAt: Date,
  delaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS,
): Date | null {
  const delay = delaysMs[attempt - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/** How many attempts a delivery gets with these delays. */
export function maxAttempts(delaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS): number {
  return delaysMs.length + 1;
}
