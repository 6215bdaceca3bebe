/**
 * Why a value kept at rest did not decrypt. None of them says anything about the value:
 * - `malformed`: not in a format Latchkey writes (truncated, or not a sealed value at all);
 * - `unknown_key`: sealed under a key this process does not hold (an installation key that
 *   is not configured, or a data key that is not in the database);
 * - `authentication_failed`: AES-GCM refused it: altered, moved to another row, field or
 *   organization, or sealed under another key with the same id.
 */
export type DecryptionFailure = "malformed" | "unknown_key" | "authentication_failed";

const MESSAGES: Record<DecryptionFailure, string> = {
  malformed: "The encrypted value is not in a format Latchkey writes",
  unknown_key: "The key that encrypted this value is not available to this process",
  authentication_failed:
    "The encrypted value does not decrypt: it was altered, moved from another record, or sealed under another key",
};

/**
 * A value at rest that cannot be decrypted. Callers report it (and audit it) instead of
 * letting it crash a page; its message never contains the value or its ciphertext.
 */
export class DecryptionError extends Error {
  constructor(
    readonly reason: DecryptionFailure,
    /** The installation key id or data key version involved, when known: safe to show an operator. */
    readonly keyReference?: string,
  ) {
    super(keyReference ? `${MESSAGES[reason]} (key ${keyReference})` : MESSAGES[reason]);
    this.name = "DecryptionError";
  }
}
