import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { DecryptionError } from "./decryption-error";

/** AES-256-GCM with a random 96-bit nonce and a 128-bit tag (NIST SP 800-38D). */
export interface GcmSealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function gcmSeal(key: Buffer, plaintext: Buffer, associatedData: Buffer): GcmSealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** The plaintext, or DecryptionError("authentication_failed") for a wrong key, associated data or byte. */
export function gcmOpen(key: Buffer, sealed: GcmSealed, associatedData: Buffer): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES)
    throw new DecryptionError("malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new DecryptionError("authentication_failed");
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The three parts as base64url, dot-separated, after any prefix parts the caller adds. */
export function encodeGcmParts(sealed: GcmSealed): string[] {
  return [sealed.iv, sealed.tag, sealed.ciphertext].map((part) => part.toString("base64url"));
}

export function decodeGcmParts(parts: readonly (string | undefined)[]): GcmSealed {
  const [iv, tag, ciphertext] = parts;
  if (parts.length !== 3 || iv === undefined || tag === undefined || ciphertext === undefined)
    throw new DecryptionError("malformed");
  if (![iv, tag, ciphertext].every((part) => BASE64URL.test(part))) throw new DecryptionError("malformed");
  return {
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
}
