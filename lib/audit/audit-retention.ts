/** How long the audit log keeps an event, in days: LATCHKEY_AUDIT_RETENTION_DAYS, a year by default. */
export const AUDIT_RETENTION_ENV = "LATCHKEY_AUDIT_RETENTION_DAYS";
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
/** A hundred years: beyond it a cut-off date means nothing, and a typo (365000) is caught. */
const MAX_AUDIT_RETENTION_DAYS = 36_500;

/**
 * The retention in force. A value that is not a whole number of days from 1 to 36,500 stops
 * the server at start (scripts/start.ts reads it there) rather than pruning by a guess.
 */
export function auditRetentionDays(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[AUDIT_RETENTION_ENV];
  if (raw === undefined || raw.trim() === "") return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_AUDIT_RETENTION_DAYS) {
    throw new Error(
      `${AUDIT_RETENTION_ENV} must be a whole number of days from 1 to ${MAX_AUDIT_RETENTION_DAYS}, got "${raw}"`,
    );
  }
  return days;
}
