import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readConfig } from "@/lib/config/env";
import { INSTANCE_SECRETS, loadInstanceSecret } from "@/lib/config/instance-secret";

/**
 * AES-256-GCM encryption of values kept at rest (signing keys, outbound credentials), under
 * the installation's encryption key (LATCHKEY_ENCRYPTION_KEY, or generated into the data folder).
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url; `context` is bound as associated
 * data so a value cannot be moved to another column or row and still decrypt.
 */
const VERSION = "v1";

const KEY_STORE = Symbol.for("latchkey.crypto.encryptionKey");
type GlobalWithKey = typeof globalThis & { [KEY_STORE]?: Buffer };

export function getEncryptionKey(): Buffer {
  const store = globalThis as GlobalWithKey;
  store[KEY_STORE] ??= createHash("sha256")
    .update(loadInstanceSecret(INSTANCE_SECRETS.encryption, readConfig(), process.env))
    .digest();
  return store[KEY_STORE];
}

export function encryptValue(plaintext: string, context: string, key: Buffer = getEncryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptValue(sealed: string, context: string, key: Buffer = getEncryptionKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new Error("Unrecognized encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
