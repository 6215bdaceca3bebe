import { createHash } from "node:crypto";
import { type LatchkeyConfig, readConfig } from "@/lib/config/env";
import { INSTANCE_SECRETS, loadInstanceSecret, MIN_SECRET_LENGTH } from "@/lib/config/instance-secret";

/**
 * The installation key: the root of encryption at rest. It seals the per-organization data
 * keys (which seal outbound credentials) and the token-signing keys. It comes from
 * LATCHKEY_ENCRYPTION_KEY (or, in embedded mode, a generated `encryption-key` in the data
 * folder). While `npm run keys:rotate-encryption` adopts a new one, the key being replaced is
 * named in LATCHKEY_ENCRYPTION_KEY_PREVIOUS: a process holding both reads what either sealed
 * and seals with the current one.
 */
export const ENCRYPTION_KEY_ENV = INSTANCE_SECRETS.encryption.envName;
export const PREVIOUS_ENCRYPTION_KEY_ENV = "LATCHKEY_ENCRYPTION_KEY_PREVIOUS";

export interface InstallationKey {
  /**
   * A short public name for the key, recorded beside everything it seals, so that a value
   * says which key it needs and a rotation knows what is left to re-seal. It is a hash of the
   * key under its own label, which reveals nothing of the key.
   */
  id: string;
  /** 256-bit AES key. */
  key: Buffer;
}

export interface InstallationKeyRing {
  current: InstallationKey;
  previous: InstallationKey | null;
}

/** The AES key of a configured secret: SHA-256 of it, as Latchkey has always derived it. */
export function installationKeyFromSecret(secret: string): InstallationKey {
  const key = createHash("sha256").update(secret).digest();
  const id = createHash("sha256")
    .update("latchkey installation key id\0")
    .update(key)
    .digest("hex")
    .slice(0, 16);
  return { id, key };
}

export function loadInstallationKeyRing(
  config: LatchkeyConfig = readConfig(),
  env: NodeJS.ProcessEnv = process.env,
): InstallationKeyRing {
  const current = installationKeyFromSecret(loadInstanceSecret(INSTANCE_SECRETS.encryption, config, env));
  const previousSecret = env[PREVIOUS_ENCRYPTION_KEY_ENV];
  if (!previousSecret) return { current, previous: null };
  if (previousSecret.length < MIN_SECRET_LENGTH)
    throw new Error(`${PREVIOUS_ENCRYPTION_KEY_ENV} must be at least ${MIN_SECRET_LENGTH} characters long.`);
  const previous = installationKeyFromSecret(previousSecret);
  return { current, previous: previous.id === current.id ? null : previous };
}

/** The key of the ring with this id, if the ring holds it. */
export function installationKeyById(ring: InstallationKeyRing, id: string): InstallationKey | undefined {
  if (ring.current.id === id) return ring.current;
  if (ring.previous?.id === id) return ring.previous;
  return undefined;
}

const RING_STORE = Symbol.for("latchkey.crypto.installationKeys");
type GlobalWithRing = typeof globalThis & { [RING_STORE]?: InstallationKeyRing };

/** This process's installation keys, read once from its environment and shared by every copy of this module. */
export function getInstallationKeyRing(): InstallationKeyRing {
  const store = globalThis as GlobalWithRing;
  store[RING_STORE] ??= loadInstallationKeyRing();
  return store[RING_STORE];
}
