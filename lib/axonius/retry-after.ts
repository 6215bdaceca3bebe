const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * Seconds to wait from a `Retry-After` header (RFC 9110 §10.2.3: delay-seconds or an
 * HTTP-date), capped at an hour so a hostile or broken answer cannot park a run for days.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), MAX_RETRY_AFTER_SECONDS);
  // An HTTP-date names its day or month; without that check Date.parse reads "1.5" as a date.
  if (!/^[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, Math.ceil((date - now.getTime()) / 1000)), MAX_RETRY_AFTER_SECONDS);
}
