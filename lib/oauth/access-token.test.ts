import { generateKeyPairSync, sign } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { standaloneIssuance } from "@/lib/testing/oauth-test-support";
import { issueAccessToken, verifyAccessToken } from "./access-token";
import { handleJwksRequest } from "./discovery";
import { accessTokenLifetimeSeconds, issuerUrl, resourceAudience } from "./issuer";
import { getKeyRing } from "./signing-keys";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function validClaims() {
  const { claims } = await issueAccessToken({
    clientId: "lkc_abc",
    organizationId: "00000000-0000-4000-8000-000000000001",
    partnerId: "p",
    scopes: ["cases:read"],
    lifetimeSeconds: 3600,
    issuance: standaloneIssuance(),
  });
  return claims;
}

async function signWithCurrentKey(header: Record<string, unknown>, claims: object) {
  const ring = await getKeyRing();
  const input = `${b64({ kid: ring.current.kid, ...header })}.${b64(claims)}`;
  const signature = sign("sha256", Buffer.from(input), {
    key: ring.current.privateKey,
    dsaEncoding: "ieee-p1363",
  });
  return `${input}.${signature.toString("base64url")}`;
}

describe("access tokens", () => {
  it("verify with jose against the published JWKS", async () => {
    const { token } = await issueAccessToken({
      clientId: "lkc_abc",
      organizationId: "00000000-0000-4000-8000-000000000001",
      partnerId: "p",
      scopes: ["cases:read"],
      lifetimeSeconds: 600,
      issuance: standaloneIssuance(),
    });
    const jwks = (await (await handleJwksRequest()).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) expect(key).not.toHaveProperty("d");
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks as never), {
      issuer: issuerUrl(),
      audience: resourceAudience(),
      typ: "at+jwt",
      algorithms: ["ES256"],
    });
    expect(protectedHeader.typ).toBe("at+jwt");
    expect(payload).toMatchObject({ sub: "lkc_abc", client_id: "lkc_abc", scope: "cases:read" });
    expect(typeof payload.jti).toBe("string");
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
  });

  it("stops accepting a once-verified token when it expires", async () => {
    const { token, claims } = await issueAccessToken({
      clientId: "lkc_abc",
      organizationId: "00000000-0000-4000-8000-000000000001",
      partnerId: "p",
      scopes: ["cases:read"],
      lifetimeSeconds: 60,
      issuance: standaloneIssuance(),
    });
    expect((await verifyAccessToken(token)).ok).toBe(true);
    expect((await verifyAccessToken(token, (claims.exp - 1) * 1000)).ok).toBe(true);
    // Expired at its exp, to the second: no leeway (RFC 7519 §4.1.4). Its signature was good,
    // so its claims come back (to record whose token it was).
    expect(await verifyAccessToken(token, claims.exp * 1000)).toEqual({
      ok: false,
      reason: "The token has expired",
      expired: true,
      claims,
    });
  });

  it("refuses a token whose lifetime exceeds the configured maximum, even when signed", async () => {
    const claims = await validClaims();
    const token = await signWithCurrentKey(
      { alg: "ES256", typ: "at+jwt" },
      { ...claims, exp: claims.iat + accessTokenLifetimeSeconds() + 1 },
    );
    expect(await verifyAccessToken(token)).toEqual({
      ok: false,
      reason: "The token's lifetime exceeds the configured maximum",
    });
    const withinLimit = await signWithCurrentKey(
      { alg: "ES256", typ: "at+jwt" },
      { ...claims, exp: claims.iat + accessTokenLifetimeSeconds() },
    );
    expect((await verifyAccessToken(withinLimit)).ok).toBe(true);
  });

  it.each([
    [
      "alg none",
      async () => `${b64({ alg: "none", typ: "at+jwt" })}.${b64(await validClaims())}.`,
      "The token's algorithm is not accepted",
    ],
    [
      "HS256",
      async () => `${b64({ alg: "HS256", typ: "at+jwt" })}.${b64(await validClaims())}.c2ln`,
      "The token's algorithm is not accepted",
    ],
    [
      "a plain JWT type",
      async () => signWithCurrentKey({ alg: "ES256", typ: "JWT" }, await validClaims()),
      "The token is not an access token",
    ],
    [
      "a foreign audience",
      async () =>
        signWithCurrentKey(
          { alg: "ES256", typ: "at+jwt" },
          { ...(await validClaims()), aud: "https://elsewhere.example/api" },
        ),
      "The token is meant for another audience",
    ],
    [
      "another issuer",
      async () =>
        signWithCurrentKey(
          { alg: "ES256", typ: "at+jwt" },
          { ...(await validClaims()), iss: "https://evil.example" },
        ),
      "The token was issued by another issuer",
    ],
    [
      "an expired token",
      async () =>
        signWithCurrentKey(
          { alg: "ES256", typ: "at+jwt" },
          { ...(await validClaims()), exp: Math.floor(Date.now() / 1000) - 120 },
        ),
      "The token has expired",
    ],
    [
      "an unknown key",
      async () => `${b64({ alg: "ES256", typ: "at+jwt", kid: "nope" })}.${b64(await validClaims())}.c2ln`,
      "The token was not signed by a current key",
    ],
    [
      "a tampered payload",
      async () => {
        const token = await signWithCurrentKey({ alg: "ES256", typ: "at+jwt" }, await validClaims());
        const [header, , signature] = token.split(".");
        return `${header}.${b64({ ...(await validClaims()), scope: "cases:read cases:delete" })}.${signature}`;
      },
      "The token signature is invalid",
    ],
    [
      "a foreign key's signature",
      async () => {
        const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
        const ring = await getKeyRing();
        const input = `${b64({ alg: "ES256", typ: "at+jwt", kid: ring.current.kid })}.${b64(await validClaims())}`;
        return `${input}.${sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
      },
      "The token signature is invalid",
    ],
    [
      "no issuing secret",
      async () => {
        const { lk_sid: _sid, ...claims } = await validClaims();
        return signWithCurrentKey({ alg: "ES256", typ: "at+jwt" }, claims);
      },
      "The token lacks the lk_sid claim",
    ],
    [
      "an issuing secret that is not a row ID",
      async () =>
        signWithCurrentKey({ alg: "ES256", typ: "at+jwt" }, { ...(await validClaims()), lk_sid: "1 or 1=1" }),
      "The token lacks the lk_sid claim",
    ],
    [
      "no token generation",
      async () =>
        signWithCurrentKey({ alg: "ES256", typ: "at+jwt" }, { ...(await validClaims()), lk_gen: "0" }),
      "The token lacks the lk_gen claim",
    ],
    [
      "a key claim that is not its signing key",
      async () =>
        signWithCurrentKey({ alg: "ES256", typ: "at+jwt" }, { ...(await validClaims()), lk_kid: "other" }),
      "The token's lk_kid claim is not its key",
    ],
    ["not a JWT", async () => "lk_pat_whatever", "The token is not a JWT"],
  ])("refuses %s", async (_label, make, reason) => {
    const result = await verifyAccessToken(await make());
    if (reason === "The token has expired") {
      expect(result).toMatchObject({ ok: false, reason, expired: true, claims: { client_id: "lkc_abc" } });
    } else expect(result).toEqual({ ok: false, reason });
  });
});
