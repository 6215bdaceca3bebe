import type { SecurityLevel } from "@/lib/db/schema";

/** The ways a resource API caller can prove who it is (DESIGN.md, "Authentication methods by security level"). */
export type AuthenticationMethod =
  | "access_token"
  | "personal_token"
  | "client_secret_headers"
  | "basic_password"
  | "legacy_key";

export const SECURITY_LEVELS = ["legacy", "high", "extra_high"] as const satisfies readonly SecurityLevel[];

export const SECURITY_LEVEL_LABELS: Record<SecurityLevel, string> = {
  legacy: "Legacy",
  high: "High",
  extra_high: "Extra High",
};

/** One sentence per level, as the Security page shows them. */
export const SECURITY_LEVEL_DESCRIPTIONS: Record<SecurityLevel, string> = {
  legacy:
    "Everything works, including static legacy API keys and HTTP Basic with a user's email and password; for older integrations only.",
  high: "Legacy API keys stop working; access tokens, personal tokens, api-key/api-secret headers and HTTP Basic with email and password still work.",
  extra_high:
    "Only access tokens, personal tokens and api-key/api-secret headers work; HTTP Basic with email and password and legacy keys are refused.",
};

/** How each method is sent, for people reading the reference. */
export const AUTHENTICATION_METHOD_LABELS: Record<AuthenticationMethod, string> = {
  access_token: "Bearer access token from /api/oauth/token (client credentials)",
  personal_token: "Bearer personal token (lk_pat_…)",
  client_secret_headers: "api-key and api-secret headers (client ID and secret)",
  basic_password: "HTTP Basic with a user's email and password",
  legacy_key: "Bearer legacy static key (lk_legacy_…)",
};

/** The table of DESIGN.md: which methods each level accepts. */
const ALLOWED_METHODS: Record<SecurityLevel, readonly AuthenticationMethod[]> = {
  legacy: ["access_token", "personal_token", "client_secret_headers", "basic_password", "legacy_key"],
  high: ["access_token", "personal_token", "client_secret_headers", "basic_password"],
  extra_high: ["access_token", "personal_token", "client_secret_headers"],
};

export function isMethodAllowed(level: SecurityLevel, method: AuthenticationMethod): boolean {
  return ALLOWED_METHODS[level].includes(method);
}

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
