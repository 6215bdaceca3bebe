import { randomBytes } from "node:crypto";
import {
  getInstallationKeyRing,
  type InstallationKeyRing,
  installationKeyFromSecret,
} from "@/lib/crypto/installation-keys";

/** Helpers for tests that change the installation key (not a test itself). */

/** Where lib/crypto/installation-keys.ts keeps this process's key ring. */
const RING_STORE = Symbol.for("latchkey.crypto.installationKeys");
type Store = typeof globalThis & { [RING_STORE]?: InstallationKeyRing };

/** A fresh installation secret, as `openssl rand -base64 32` would make one. */
export function newInstallationSecret(): string {
  return randomBytes(32).toString("base64");
}

export function ringOf(current: string, previous?: string): InstallationKeyRing {
  return {
    current: installationKeyFromSecret(current),
    previous: previous === undefined ? null : installationKeyFromSecret(previous),
  };
}

/**
 * Models this process having been started with other keys (LATCHKEY_ENCRYPTION_KEY and,
 * optionally, LATCHKEY_ENCRYPTION_KEY_PREVIOUS) until `restore` puts the original ring back.
 * Tests that use it must not leave anything sealed under a key the rest of the suite lacks.
 */
export function runWithInstallationKeys(ring: InstallationKeyRing): { restore: () => void } {
  const store = globalThis as Store;
  const original = getInstallationKeyRing();
  store[RING_STORE] = ring;
  return {
    restore: () => {
      store[RING_STORE] = original;
    },
  };
}

/** Runs `body` with these keys, putting the original ring back afterwards whatever happens. */
export async function withInstallationKeys<T>(ring: InstallationKeyRing, body: () => Promise<T>): Promise<T> {
  const { restore } = runWithInstallationKeys(ring);
  try {
    return await body();
  } finally {
    restore();
  }
}
