import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { getSecretPepper } from "./secret-pepper";

/**
 * The stored form of a secret: hex HMAC-SHA-256 keyed with the server pepper.
 * A fast hash is right here (unlike passwords): secrets carry 256 random bits, so there is
 * nothing to brute-force, and it is computed on every API request.
 */
export function secretHash(secret: string, pepper: Buffer = getSecretPepper()): string {
  return createHmac("sha256", pepper).update(secret, "utf8").digest("hex");
}

/**
 * Compares two strings in time that depends on neither content nor length: both sides are
 * hashed to 32 bytes first, because `timingSafeEqual` needs equal lengths and returning early
 * on a length mismatch would reveal the length.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a, "utf8").digest();
  const right = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(left, right);
}
