import { decodeGcmParts, encodeGcmParts, gcmOpen, gcmSeal } from "./aes-gcm";
import { DecryptionError } from "./decryption-error";
import {
  getInstallationKeyRing,
  type InstallationKey,
  type InstallationKeyRing,
  installationKeyById,
} from "./installation-keys";

/**
 * AES-256-GCM directly under the installation key, for the few values that are the
 * installation's own: organizations' data keys and token-signing keys. (Organization data —
 * outbound credentials — is sealed under the organization's data key: field-encryption.ts.)
 *
 * Format `v2.<installation key id>.<iv>.<tag>.<ciphertext>`, parts base64url; `context` is
 * bound as associated data, so a value moved to another row or column does not decrypt.
 * Values written before key ids existed read `v1.<iv>.<tag>.<ciphertext>` and are tried with
 * each key of the ring; the next rotation re-seals them as v2.
 */
const CURRENT_FORMAT = "v2";
const LEGACY_FORMAT = "v1";

export function sealWithInstallationKey(
  plaintext: string | Buffer,
  context: string,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): string {
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const sealed = gcmSeal(ring.current.key, data, Buffer.from(context, "utf8"));
  return [CURRENT_FORMAT, ring.current.id, ...encodeGcmParts(sealed)].join(".");
}

/** The id of the installation key a value is sealed under; null for a legacy value that does not say. */
export function installationKeyIdOf(sealed: string): string | null {
  const [format, keyId] = sealed.split(".");
  if (format === CURRENT_FORMAT && keyId) return keyId;
  if (format === LEGACY_FORMAT) return null;
  throw new DecryptionError("malformed");
}

/** The plaintext bytes; DecryptionError when the key is not in the ring or the value does not authenticate. */
export function openWithInstallationKey(
  sealed: string,
  context: string,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Buffer {
  const parts = sealed.split(".");
  const associatedData = Buffer.from(context, "utf8");
  if (parts[0] === CURRENT_FORMAT) {
    const keyId = parts[1] ?? "";
    const gcm = decodeGcmParts(parts.slice(2));
    const key = installationKeyById(ring, keyId);
    if (!key) throw new DecryptionError("unknown_key", keyId);
    return gcmOpen(key.key, gcm, associatedData);
  }
  if (parts[0] === LEGACY_FORMAT) {
    const gcm = decodeGcmParts(parts.slice(1));
    const candidates = [ring.current, ring.previous].filter((key): key is InstallationKey => key !== null);
    for (const key of candidates) {
      try {
        return gcmOpen(key.key, gcm, associatedData);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
      }
    }
    throw new DecryptionError("authentication_failed");
  }
  throw new DecryptionError("malformed");
}
