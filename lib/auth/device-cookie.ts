import { randomBytes, timingSafeEqual } from "node:crypto";
import { secretHash } from "@/lib/crypto/secret-hash";

/**
 * OWASP's device cookie: after a successful sign-in the browser receives a signed token that
 * names the account (as a keyed hash, not the email) and a random device ID. A later sign-in
 * for that account from a browser presenting it spends that device's own failure budget,
 * not the account's, so someone guessing from elsewhere cannot lock the owner out.
 * One cookie holds entries for the last few accounts signed in on the browser.
 */
export const DEVICE_COOKIE = "latchkey_device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;
const MAX_ENTRIES = 5;

function signatureOf(email: string, deviceId: string, issuedAt: number): string {
  return secretHash(`device-cookie\u0000${email}\u0000${deviceId}\u0000${issuedAt}`).slice(0, 32);
}

function entriesOf(cookieValue: string | undefined): string[] {
  if (!cookieValue) return [];
  return cookieValue
    .split(".")
    .filter((entry) => /^[A-Za-z0-9_-]{22}~[0-9a-z]{1,12}~[0-9a-f]{32}$/.test(entry))
    .slice(0, MAX_ENTRIES);
}

/** The device ID the cookie proves for this account, or null (absent, forged, another account's, too old). */
export function trustedDeviceFor(
  cookieValue: string | undefined,
  email: string,
  now = Date.now(),
): string | null {
  for (const entry of entriesOf(cookieValue)) {
    const [deviceId = "", issued = "", signature = ""] = entry.split("~");
    const issuedAt = Number.parseInt(issued, 36);
    if (!Number.isFinite(issuedAt) || now / 1000 - issuedAt > DEVICE_COOKIE_MAX_AGE_SECONDS) continue;
    const expected = Buffer.from(signatureOf(email, deviceId, issuedAt));
    if (timingSafeEqual(expected, Buffer.from(signature.padEnd(expected.length).slice(0, expected.length)))) {
      return deviceId;
    }
  }
  return null;
}

/** The cookie's new value after a successful sign-in: this account's entry first (renewed), others kept. */
export function deviceCookieAfterSignIn(
  cookieValue: string | undefined,
  email: string,
  now = Date.now(),
): string {
  const existing = trustedDeviceFor(cookieValue, email, now);
  const deviceId = existing ?? randomBytes(16).toString("base64url");
  const issuedAt = Math.floor(now / 1000);
  const entry = `${deviceId}~${issuedAt.toString(36)}~${signatureOf(email, deviceId, issuedAt)}`;
  const others = entriesOf(cookieValue).filter((candidate) => !candidate.startsWith(`${deviceId}~`));
  return [entry, ...others].slice(0, MAX_ENTRIES).join(".");
}

/** Reads one cookie from a Cookie header. */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
