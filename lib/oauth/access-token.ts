import { randomUUID, sign, verify } from "node:crypto";
import type { Scope } from "@/lib/permissions/catalogue";
import { isScope } from "@/lib/permissions/catalogue";
import { accessTokenLifetimeSeconds, issuerUrl, resourceAudience } from "./issuer";
import { findVerificationKey, getKeyRingSigningWith, SIGNING_ALGORITHM } from "./signing-keys";

/** How audit entries name an access token: by its `jti`, never by the token itself. */
export const ACCESS_TOKEN_TARGET_TYPE = "access_token";

/** RFC 9068 claims of a Latchkey access token. */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  client_id: string;
  scope: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  /** The organization the token acts for, and its public partner ID. */
  org_id: string;
  partner_id: string;
  /**
   * Private claims that bind the token to what issued it, checked on every use in
   * token-state.ts: the client secret that obtained it, the client's token generation at the
   * time, and the signing key (the header's `kid`, inside the signature so that the state query
   * can read it from the claims).
   */
  lk_sid: string;
  lk_gen: number;
  lk_kid: string;
}

/** What a token is bound to when it is issued (from the client's authentication). */
export interface TokenIssuance {
  secretId: string;
  tokenGeneration: number;
  /** The current signing key as the database has it; a key ring that differs is reloaded first. */
  currentSigningKeyId: string | null;
}

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Signs a JWT access token (ES256, `typ: at+jwt`) with node:crypto directly: the hot path of the token endpoint. */
export async function issueAccessToken(input: {
  clientId: string;
  organizationId: string;
  partnerId: string;
  scopes: readonly Scope[];
  lifetimeSeconds: number;
  issuance: TokenIssuance;
  now?: number;
}): Promise<{ token: string; claims: AccessTokenClaims }> {
  const ring = await getKeyRingSigningWith(input.issuance.currentSigningKeyId);
  const iat = Math.floor((input.now ?? Date.now()) / 1000);
  const claims: AccessTokenClaims = {
    iss: issuerUrl(),
    sub: input.clientId,
    aud: resourceAudience(),
    client_id: input.clientId,
    scope: input.scopes.join(" "),
    jti: randomUUID(),
    iat,
    nbf: iat,
    exp: iat + input.lifetimeSeconds,
    org_id: input.organizationId,
    partner_id: input.partnerId,
    lk_sid: input.issuance.secretId,
    lk_gen: input.issuance.tokenGeneration,
    lk_kid: ring.current.kid,
  };
  const signingInput = `${encodeJson({ alg: SIGNING_ALGORITHM, typ: "at+jwt", kid: ring.current.kid })}.${encodeJson(claims)}`;
  const signature = sign("sha256", Buffer.from(signingInput), {
    key: ring.current.privateKey,
    dsaEncoding: "ieee-p1363",
  });
  return { token: `${signingInput}.${signature.toString("base64url")}`, claims };
}

export type TokenVerification =
  | { ok: true; claims: AccessTokenClaims; scopes: Scope[] }
  | { ok: false; reason: string; expired?: false }
  /** Signed by a current key, by this issuer, for this audience — and expired: its claims are Latchkey's. */
  | { ok: false; reason: string; expired: true; claims: AccessTokenClaims };

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tolerated clock difference for `nbf` only, between processes that sign and verify. A token
 * expires exactly at its `exp` (RFC 7519 §4.1.4: "on or after"): Latchkey issues and checks its
 * own tokens, so there is no other party's clock to forgive.
 */
const NOT_BEFORE_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TOKEN_LENGTH = 4096;

/**
 * Validates an access token as RFC 9068 §4 asks: type `at+jwt`, an allowed algorithm (ES256
 * only: `none` and HMAC are refused before anything else), a known key, a valid signature,
 * our issuer, our audience, and a current validity period.
 */
export async function verifyAccessToken(token: string, now = Date.now()): Promise<TokenVerification> {
  const cached = verifiedTokens.get(token);
  // A remembered token still needs an unexpired lifetime and a key that is still published.
  if (
    cached &&
    cached.result.claims.exp > Math.floor(now / 1000) &&
    cached.result.claims.exp - cached.result.claims.iat <= accessTokenLifetimeSeconds() &&
    (await findVerificationKey(cached.kid))
  ) {
    return cached.result;
  }
  const result = await verifyUncached(token, now);
  if (result.ok) rememberVerified(token, result);
  return result;
}

type Verified = Extract<TokenVerification, { ok: true }>;

/**
 * Tokens whose signature and claims were already checked, until they expire or their key
 * leaves the key ring: an ES256 verification costs more than the rest of a read. What a
 * signature cannot tell (revocation, the client's state) is checked on every request
 * regardless, in token-state.ts.
 */
const verifiedTokens = new Map<string, { result: Verified; kid: string }>();
const MAX_VERIFIED_TOKENS = 10_000;

function rememberVerified(token: string, result: Verified) {
  const header = parseSegment(token.slice(0, token.indexOf(".")));
  if (typeof header?.kid !== "string") return;
  if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
    const oldest = verifiedTokens.keys().next().value;
    if (oldest !== undefined) verifiedTokens.delete(oldest);
  }
  verifiedTokens.set(token, { result, kid: header.kid });
}

async function verifyUncached(token: string, now: number): Promise<TokenVerification> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "The token is too long" };
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "The token is not a JWT" };
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  const header = parseSegment(headerPart);
  if (!header) return { ok: false, reason: "The token header is malformed" };
  const type = typeof header.typ === "string" ? header.typ.toLowerCase() : "";
  if (type !== "at+jwt" && type !== "application/at+jwt")
    return { ok: false, reason: "The token is not an access token" };
  if (header.alg !== SIGNING_ALGORITHM) return { ok: false, reason: "The token's algorithm is not accepted" };
  const key = typeof header.kid === "string" ? await findVerificationKey(header.kid) : undefined;
  if (!key) return { ok: false, reason: "The token was not signed by a current key" };
  const validSignature = verify(
    "sha256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signaturePart, "base64url"),
  );
  if (!validSignature) return { ok: false, reason: "The token signature is invalid" };

  const claims = parseSegment(payloadPart);
  if (!claims) return { ok: false, reason: "The token payload is malformed" };
  const seconds = Math.floor(now / 1000);
  if (claims.iss !== issuerUrl()) return { ok: false, reason: "The token was issued by another issuer" };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(resourceAudience()))
    return { ok: false, reason: "The token is meant for another audience" };
  for (const name of ["sub", "client_id", "scope", "jti", "org_id", "partner_id"] as const) {
    if (typeof claims[name] !== "string") return { ok: false, reason: `The token lacks the ${name} claim` };
  }
  for (const name of ["iat", "exp"] as const) {
    if (typeof claims[name] !== "number") return { ok: false, reason: `The token lacks the ${name} claim` };
  }
  // Tokens of this server always carry these; without them their state cannot be checked.
  if (typeof claims.lk_sid !== "string" || !UUID.test(claims.lk_sid))
    return { ok: false, reason: "The token lacks the lk_sid claim" };
  if (!Number.isSafeInteger(claims.lk_gen) || (claims.lk_gen as number) < 0)
    return { ok: false, reason: "The token lacks the lk_gen claim" };
  if (claims.lk_kid !== header.kid) return { ok: false, reason: "The token's lk_kid claim is not its key" };
  if ((claims.exp as number) <= seconds) {
    return {
      ok: false,
      reason: "The token has expired",
      expired: true,
      claims: claims as unknown as AccessTokenClaims,
    };
  }
  // A token that claims to live longer than Latchkey issues them was not issued by these rules.
  if ((claims.exp as number) - (claims.iat as number) > accessTokenLifetimeSeconds())
    return { ok: false, reason: "The token's lifetime exceeds the configured maximum" };
  const notBefore = typeof claims.nbf === "number" ? claims.nbf : (claims.iat as number);
  if (notBefore > seconds + NOT_BEFORE_SKEW_SECONDS)
    return { ok: false, reason: "The token is not valid yet" };
  const scopes = (claims.scope as string).split(" ").filter(isScope);
  return { ok: true, claims: claims as unknown as AccessTokenClaims, scopes };
}
