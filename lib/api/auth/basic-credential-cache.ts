import { secretHash } from "@/lib/crypto/secret-hash";

/** How long a verified email + password is trusted without hashing it again. */
export const BASIC_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface CachedCredential {
  userId: string;
  /** The stored password hash the password was verified against: a new password drops the entry. */
  passwordHash: string;
  /** Bumped on deactivation and password change: drops the entry too. */
  sessionVersion: number;
  expiresAt: number;
}

/**
 * Remembers, for a minute, that an email + password was right, so that an integration making
 * many calls with HTTP Basic costs one argon2 verification a minute, not one per call.
 * Entries are keyed by an HMAC of the credentials (never the password itself) and are only
 * used when the user's row, read fresh on every request, still has the same password hash
 * and session version. The role and security level are read fresh too, so a change to either
 * applies on the next request regardless of the cache. One cache per process.
 */
export class BasicCredentialCache {
  private readonly entries = new Map<string, CachedCredential>();
  hits = 0;
  misses = 0;

  constructor(private readonly ttlMs = BASIC_CACHE_TTL_MS) {}

  static keyOf(email: string, password: string): string {
    return secretHash(`basic-auth\u0000${email}\u0000${password}`);
  }

  /** Whether these credentials were verified for this very user state within the TTL. */
  matches(key: string, user: Omit<CachedCredential, "expiresAt">, now = Date.now()): boolean {
    const entry = this.entries.get(key);
    const fresh =
      entry !== undefined &&
      entry.expiresAt > now &&
      entry.userId === user.userId &&
      entry.passwordHash === user.passwordHash &&
      entry.sessionVersion === user.sessionVersion;
    if (entry && !fresh) this.entries.delete(key);
    if (fresh) this.hits += 1;
    else this.misses += 1;
    return fresh;
  }

  remember(key: string, user: Omit<CachedCredential, "expiresAt">, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.evict(now);
    this.entries.set(key, { ...user, expiresAt: now + this.ttlMs });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  private evict(now: number) {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full: drop the oldest (a Map iterates in insertion order).
    const oldest = this.entries.keys().next();
    if (this.entries.size >= MAX_ENTRIES && !oldest.done) this.entries.delete(oldest.value);
  }
}

const CACHE_STORE = Symbol.for("latchkey.api.basicCredentialCache");
type GlobalWithCache = typeof globalThis & { [CACHE_STORE]?: BasicCredentialCache };

/** The process's cache, shared by every copy of this module. */
export function basicCredentialCache(): BasicCredentialCache {
  const store = globalThis as GlobalWithCache;
  store[CACHE_STORE] ??= new BasicCredentialCache();
  return store[CACHE_STORE];
}
