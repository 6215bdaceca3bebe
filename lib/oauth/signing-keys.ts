import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { openWithInstallationKey, sealWithInstallationKey } from "@/lib/crypto/envelope-encryption";
import { type Database, getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { signingKeys } from "@/lib/db/schema";

export const SIGNING_ALGORITHM = "ES256";

export interface KeyRing {
  current: { kid: string; privateKey: KeyObject };
  /** Public keys that verify tokens: the current and the previous key. */
  verifiers: Map<string, KeyObject>;
  publicJwks: Array<Record<string, string>>;
}

/** RFC 7638 thumbprint of an EC public key: its `kid`. */
function thumbprint(jwk: Record<string, string>): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash("sha256").update(canonical).digest("base64url");
}

/** The associated data of a signing key's sealed private half: its row. */
export function signingKeyContext(kid: string): string {
  return `signing_key:${kid}`;
}

/** A fresh P-256 key pair, its private half sealed for the database. */
export function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const exported = publicKey.export({ format: "jwk" }) as Record<string, string>;
  const kid = thumbprint(exported);
  const publicJwk = {
    kty: "EC",
    crv: "P-256",
    x: exported.x ?? "",
    y: exported.y ?? "",
    kid,
    alg: SIGNING_ALGORITHM,
    use: "sig",
  };
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { kid, publicJwk, encryptedPrivateKey: sealWithInstallationKey(pem, signingKeyContext(kid)) };
}

/** Keys that verify tokens: the current and the previous one; a retired key verifies nothing. */
const VERIFYING_STATES = ["current", "previous"] as const;

async function loadKeyRing(db: Database): Promise<KeyRing | null> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(inArray(signingKeys.state, [...VERIFYING_STATES]));
  const current = rows.find((row) => row.state === "current");
  if (!current) return null;
  const verifiers = new Map<string, KeyObject>();
  for (const row of rows) verifiers.set(row.kid, createPublicKey({ key: row.publicJwk, format: "jwk" }));
  return {
    current: {
      kid: current.kid,
      privateKey: createPrivateKey(
        openWithInstallationKey(current.encryptedPrivateKey, signingKeyContext(current.kid)).toString("utf8"),
      ),
    },
    verifiers,
    publicJwks: rows.map((row) => row.publicJwk),
  };
}

/** Creates the first signing key when there is none; safe when several processes start together. */
export async function ensureSigningKey(db: Database): Promise<void> {
  const [existing] = await db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(eq(signingKeys.state, "current"))
    .limit(1);
  if (existing) return;
  const pair = newKeyPair();
  try {
    await db.insert(signingKeys).values({ ...pair, algorithm: SIGNING_ALGORITHM, state: "current" });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** How long a process signs with the key it loaded before looking for a rotation. */
const KEY_RING_TTL_MS = 60_000;
/** An unknown `kid` makes a process look again, but not more often than this. */
const UNKNOWN_KID_RELOAD_MS = 5_000;

const RING_STORE = Symbol.for("latchkey.oauth.keyRing");
type RingCache = { ring: Promise<KeyRing>; loadedAt: number };
type GlobalWithRing = typeof globalThis & { [RING_STORE]?: RingCache };
const globalStore = globalThis as GlobalWithRing;

/** Drops this process's key ring; the next use loads it again. */
export function invalidateKeyRing() {
  delete globalStore[RING_STORE];
}

async function buildKeyRing(): Promise<KeyRing> {
  const db = await getDb();
  let ring = await loadKeyRing(db);
  if (!ring) {
    await ensureSigningKey(db);
    ring = await loadKeyRing(db);
  }
  if (!ring) throw new Error("No signing key could be created");
  return ring;
}

/** The keys of this process, reloaded every minute so rotations reach every process. */
export function getKeyRing(now = Date.now()): Promise<KeyRing> {
  const cached = globalStore[RING_STORE];
  if (cached && now - cached.loadedAt < KEY_RING_TTL_MS) return cached.ring;
  const ring = buildKeyRing();
  globalStore[RING_STORE] = { ring, loadedAt: now };
  ring.catch(() => invalidateKeyRing());
  return ring;
}

/** A verification key by `kid`, looking in the database again when a rotation may be newer than the cache. */
export async function findVerificationKey(kid: string): Promise<KeyObject | undefined> {
  const ring = await getKeyRing();
  const key = ring.verifiers.get(kid);
  if (key) return key;
  const cached = globalStore[RING_STORE];
  if (cached && Date.now() - cached.loadedAt > UNKNOWN_KID_RELOAD_MS) {
    invalidateKeyRing();
    return (await getKeyRing()).verifiers.get(kid);
  }
  return undefined;
}

/**
 * The key ring to sign with when the database says `currentKid` is the current key: a ring
 * that signs with another key was loaded before a rotation (perhaps by another process) and is
 * loaded again, once, however many requests notice it at the same time.
 */
export async function getKeyRingSigningWith(currentKid: string | null): Promise<KeyRing> {
  const cached = globalStore[RING_STORE];
  const ring = await getKeyRing();
  if (currentKid === null || ring.current.kid === currentKid) return ring;
  if (globalStore[RING_STORE] === cached) invalidateKeyRing();
  return getKeyRing();
}

/**
 * Called when the database says a key no longer verifies (token-state.ts): a ring that still
 * holds it is stale, so it is loaded again rather than at its next minute.
 */
export function forgetRetiredKey(kid: string): void {
  const cached = globalStore[RING_STORE];
  if (!cached) return;
  void cached.ring.then(
    (ring) => {
      if (ring.verifiers.has(kid) && globalStore[RING_STORE] === cached) invalidateKeyRing();
    },
    () => {},
  );
}

/** The public keys to publish, read from the database on each request so that a retired key leaves at once. */
export async function loadPublishedJwks(db: Database): Promise<Array<Record<string, string>>> {
  const rows = await db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(inArray(signingKeys.state, [...VERIFYING_STATES]));
  if (rows.length > 0) return rows.map((row) => row.publicJwk);
  return (await getKeyRing()).publicJwks;
}
