/** Helpers for the signing-key tests (not a test itself). */

/** Where lib/oauth/signing-keys.ts keeps this process's key ring. */
const RING_STORE = Symbol.for("latchkey.oauth.keyRing");
type Store = typeof globalThis & { [RING_STORE]?: unknown };

/**
 * Models a second Latchkey process: captures this process's key ring as it is now, so that
 * after a change made "elsewhere" the ring can be put back, as a process that has not reloaded
 * its keys would still hold it (with its verified-token cache untouched as well).
 */
export function captureKeyRing(): { restore: () => void } {
  const store = globalThis as Store;
  const held = store[RING_STORE];
  if (!held) throw new Error("no key ring loaded yet: issue or verify a token first");
  return {
    restore: () => {
      store[RING_STORE] = held;
    },
  };
}
