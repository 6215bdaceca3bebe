import { randomBase62 } from "@/lib/crypto/base62";

/**
 * Public client IDs: `lkc_` + 24 base62 characters (~143 random bits). Not a secret, but
 * unguessable all the same, so that a client ID reveals nothing about other clients.
 */
export const CLIENT_ID_PREFIX = "lkc_";
const CLIENT_ID_RANDOM_LENGTH = 24;
export const CLIENT_ID_PATTERN = /^lkc_[0-9A-Za-z]{24}$/;

export function generateClientId(): string {
  return CLIENT_ID_PREFIX + randomBase62(CLIENT_ID_RANDOM_LENGTH);
}

export function isWellFormedClientId(value: unknown): value is string {
  return typeof value === "string" && CLIENT_ID_PATTERN.test(value);
}
