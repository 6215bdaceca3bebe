import { publicBaseUrl } from "@/lib/config/public-urls";

/** The issuer: the public base URL Latchkey is configured with (AUTH_URL), without a trailing slash. */
export function issuerUrl(): string {
  return publicBaseUrl();
}

/** The audience of access tokens: Latchkey's resource API. */
export function resourceAudience(): string {
  return `${issuerUrl()}/api/v1`;
}

/** Access token lifetime in seconds: LATCHKEY_ACCESS_TOKEN_TTL, 1 hour by default, 1 minute to 1 day. */
export function accessTokenLifetimeSeconds(): number {
  const raw = process.env.LATCHKEY_ACCESS_TOKEN_TTL;
  const value = raw ? Number(raw) : 3600;
  if (!Number.isInteger(value) || value < 60 || value > 86_400) {
    throw new Error(`LATCHKEY_ACCESS_TOKEN_TTL must be whole seconds from 60 to 86400, got "${raw}"`);
  }
  return value;
}
