import { AUTHENTICATION_METHODS, methodsAllowedAt } from "@/lib/api/auth/method-catalogue";
import type { SecurityLevel } from "@/lib/db/schema";

export const SECURITY_LEVELS = ["legacy", "high", "extra_high"] as const satisfies readonly SecurityLevel[];

export const SECURITY_LEVEL_LABELS: Record<SecurityLevel, string> = {
  legacy: "Legacy",
  high: "High",
  extra_high: "Extra High",
};

/** What each level is for; what it accepts is said from the method catalogue. */
const SECURITY_LEVEL_PURPOSES: Record<SecurityLevel, string> = {
  legacy: "For older integrations only.",
  high: "Static legacy keys stop working.",
  extra_high: "Only credentials no person can guess.",
};

/** One sentence per level, as the Security page shows them, derived from the method catalogue. */
export const SECURITY_LEVEL_DESCRIPTIONS = Object.fromEntries(
  SECURITY_LEVELS.map((level) => [
    level,
    `${SECURITY_LEVEL_PURPOSES[level]} Accepted: ${methodsAllowedAt(level)
      .map((method) => AUTHENTICATION_METHODS[method].label)
      .join("; ")}.`,
  ]),
) as Record<SecurityLevel, string>;

export const LEGACY_SUNSET_ENV = "LATCHKEY_LEGACY_SUNSET";

let warnedAbout: string | undefined;

/**
 * The date Legacy is retired (LATCHKEY_LEGACY_SUNSET, an ISO 8601 date or date-time), or null.
 * A value that is not a date is ignored with one warning rather than breaking every request.
 */
export function legacySunset(env: Record<string, string | undefined> = process.env): Date | null {
  const raw = env[LEGACY_SUNSET_ENV]?.trim();
  if (!raw) return null;
  const date = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    // console, not lib/log: this module is also bundled for the browser (the security level
    // form), where pino cannot go; in the server process console is routed to the logger.
    if (warnedAbout !== raw) console.warn(`${LEGACY_SUNSET_ENV}="${raw}" is not an ISO date; ignoring it.`);
    warnedAbout = raw;
    return null;
  }
  return date;
}

/** Whether Legacy has been retired at `now`. */
export function isLegacyRetired(now: Date = new Date(), sunset: Date | null = legacySunset()): boolean {
  return sunset !== null && now.getTime() >= sunset.getTime();
}

/** The level in force: after the sunset, an organization still at Legacy is treated as High. */
export function effectiveSecurityLevel(
  stored: SecurityLevel,
  now: Date = new Date(),
  sunset: Date | null = legacySunset(),
): SecurityLevel {
  return stored === "legacy" && isLegacyRetired(now, sunset) ? "high" : stored;
}
