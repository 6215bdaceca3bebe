import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptValue, encryptValue } from "@/lib/crypto/envelope-encryption";
import { type Database, getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { organizations, signingKeys } from "@/lib/db/schema";

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

function newKeyPair() {
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
  return { kid, publicJwk, encryptedPrivateKey: encryptValue(pem, `signing_key:${kid}`) };
}

async function loadKeyRing(db: Database): Promise<KeyRing | null> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(inArray(signingKeys.state, ["current", "previous"]));
  const current = rows.find((row) => row.state === "current");
  if (!current) return null;
  const verifiers = new Map<string, KeyObject>();
  for (const row of rows) verifiers.set(row.kid, createPublicKey({ key: row.publicJwk, format: "jwk" }));
  return {
    current: {
      kid: current.kid,
      privateKey: createPrivateKey(decryptValue(current.encryptedPrivateKey, `signing_key:${current.kid}`)),
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

export class RotationTooSoonError extends Error {
  constructor(readonly safeAt: Date) {
    super(
      `Tokens signed by the previous key may still be valid until ${safeAt.toISOString()}; rotate after that.`,
    );
    this.name = "RotationTooSoonError";
  }
}

/**
 * Makes a new current key. The old current key becomes the previous one and keeps verifying
 * the tokens it signed until they expire; the key before it is retired and leaves the JWKS.
 * Refused while tokens signed by that older key could still be valid, because retiring it
 * would cut them off. Signing keys serve the whole installation, so every organization's
 * audit log records the rotation.
 */
export async function rotateSigningKey(
  db: Database,
  actor: AuditActor,
  tokenLifetimeSeconds: number,
  now = new Date(),
): Promise<string> {
  const pair = newKeyPair();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(signingKeys)
      .where(eq(signingKeys.state, "current"))
      .for("update");
    const [previous] = await tx
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(eq(signingKeys.state, "previous"));
    if (current && previous) {
      // The previous key stopped signing when the current one was made.
      const safeAt = new Date(current.createdAt.getTime() + tokenLifetimeSeconds * 1000);
      if (safeAt > now) throw new RotationTooSoonError(safeAt);
    }
    await tx
      .update(signingKeys)
      .set({ state: "retired", retiredAt: now })
      .where(eq(signingKeys.state, "previous"));
    await tx.update(signingKeys).set({ state: "previous" }).where(eq(signingKeys.state, "current"));
    await tx.insert(signingKeys).values({ ...pair, algorithm: SIGNING_ALGORITHM, state: "current" });
    const everyOrganization = await tx.select({ id: organizations.id }).from(organizations);
    for (const organization of everyOrganization) {
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor,
        action: "signing_key.rotated",
        targetType: "signing_key",
        targetId: pair.kid,
        details: { previous: current?.kid ?? null, retired: previous?.kid ?? null },
      });
    }
  });
  invalidateKeyRing();
  return pair.kid;
}

/** How long a process signs with the key it loaded before looking for a rotation. */
const KEY_RING_TTL_MS = 60_000;
/** An unknown `kid` makes a process look again, but not more often than this. */
const UNKNOWN_KID_RELOAD_MS = 5_000;

const RING_STORE = Symbol.for("latchkey.oauth.keyRing");
type RingCache = { ring: Promise<KeyRing>; loadedAt: number };
type GlobalWithRing = typeof globalThis & { [RING_STORE]?: RingCache };
const globalStore = globalThis as GlobalWithRing;

function invalidateKeyRing() {
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
