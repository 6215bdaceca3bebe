import { eq } from "drizzle-orm";
import { invalidToken } from "@/lib/api/auth/api-auth-errors";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { BasicCredentialCache, basicCredentialCache } from "@/lib/api/auth/basic-credential-cache";
import { userAccessColumns, userAccessRefusal } from "@/lib/api/auth/user-api-access";
import { decoyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { organizations, roles, users } from "@/lib/db/schema";
import { problemResponse } from "@/lib/http/problem";
import { FailureLimiter } from "@/lib/oauth/failure-limiter";
import { basicAuthUse } from "@/lib/usage/credential-last-used";
import { isPrintableLine } from "@/lib/validation/text-fields";

export const BASIC_INVALID = "The email or password is not valid";
export const BASIC_MALFORMED = "The Basic credentials are malformed; send base64(email:password)";

const LIMITER_STORE = Symbol.for("latchkey.api.basicFailureLimiter");
type GlobalWithLimiter = typeof globalThis & { [LIMITER_STORE]?: FailureLimiter };

/** Failed Basic attempts, counted per address and per (email, address) as at the token endpoint. */
export function basicAuthFailureLimiter(): FailureLimiter {
  const store = globalThis as GlobalWithLimiter;
  store[LIMITER_STORE] ??= new FailureLimiter();
  return store[LIMITER_STORE];
}

/** RFC 7617: base64 of `user-id:password`, the user-id being the email here. */
export function parseBasicCredentials(encoded: string): { email: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1 || decoded.length > 1024) return null;
  if (!isPrintableLine(decoded)) return null;
  return { email: decoded.slice(0, colon).trim().toLowerCase(), password: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic with a user's email and password, for older integrations (Legacy and High).
 * The password is checked with argon2 at most once a minute per credential (see
 * BasicCredentialCache); the user, role and organization are read on every request.
 * A wrong password, an unknown email and a user without a password get the same answer
 * and cost about the same; repeated failures are answered 429.
 */
export async function authenticateBasicPassword(encoded: string, ip: string): Promise<ApiCaller | Response> {
  const credentials = parseBasicCredentials(encoded);
  if (!credentials) return invalidToken(BASIC_MALFORMED);
  const limiter = basicAuthFailureLimiter();
  const wait = limiter.retryAfterSeconds(ip, credentials.email);
  if (wait > 0) {
    return problemResponse(
      429,
      "Too Many Requests",
      `Too many failed attempts; try again in ${wait} seconds`,
      {},
      { "retry-after": String(wait) },
    );
  }
  const db = await getDb();
  const [row] = await db
    .select(userAccessColumns)
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.email, credentials.email))
    .limit(1);
  const passwordHash = row?.user.passwordHash;
  const cache = basicCredentialCache();
  const key = BasicCredentialCache.keyOf(credentials.email, credentials.password);
  let verified = false;
  if (row && passwordHash) {
    const state = { userId: row.user.id, passwordHash, sessionVersion: row.user.sessionVersion };
    verified = cache.matches(key, state);
    if (!verified && (await verifyPassword(passwordHash, credentials.password))) {
      verified = true;
      cache.remember(key, state);
    }
  } else {
    await verifyPassword(await decoyPasswordHash(), credentials.password);
  }
  // A deactivated user gets the same answer as a wrong password: it must not confirm one.
  if (!row || !verified || !row.user.active) {
    limiter.recordFailure(ip, credentials.email);
    return invalidToken(BASIC_INVALID);
  }
  const refusal = userAccessRefusal(row, "basic_password");
  if (refusal) return refusal;
  basicAuthUse.note(row.user.id);
  return {
    organizationId: row.organization.id,
    credential: "basic_password",
    clientId: null,
    userId: row.user.id,
    tokenId: null,
    scopes: row.role.permissions,
    label: `${row.user.email} (HTTP Basic)`,
    ip,
  };
}
