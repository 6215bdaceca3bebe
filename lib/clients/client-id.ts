import { randomBase62 } from "@/lib/crypto/base62";
import { CLIENT_ID_PREFIX } from "./client-id-format";

export { CLIENT_ID_PATTERN, CLIENT_ID_PREFIX, isWellFormedClientId } from "./client-id-format";

/**
 * Public client IDs: `lkc_` + 24 base62 characters (~143 random bits). Not a secret, but
 * unguessable all the same, so that a client ID reveals nothing about other clients.
 */
const CLIENT_ID_RANDOM_LENGTH = 24;

export function generateClientId(): string {
  return CLIENT_ID_PREFIX + randomBase62(CLIENT_ID_RANDOM_LENGTH);
}
