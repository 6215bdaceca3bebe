import { createHmac } from "node:crypto";
import { getSecretPepper } from "./secret-pepper";

/**
 * The stored form of a secret: hex HMAC-SHA-256 keyed with the server pepper.
 * A fast hash is right here (unlike passwords): secrets carry 256 random bits, so there is
 * nothing to brute-force, and it is computed on every API request.
 */
export function secretHash(secret: string, pepper: Buffer = getSecretPepper()): string {
  return createHmac("sha256", pepper).update(secret, "utf8").digest("hex");
}
