import { accessRefused, invalidToken, missingCredentials } from "@/lib/api/auth/api-auth-errors";
import { type ApiCaller, RefusedApiCall } from "@/lib/api/auth/api-caller";
import { authenticateBasicPassword } from "@/lib/api/auth/authenticate-basic-password";
import { authenticateLegacyKey } from "@/lib/api/auth/authenticate-legacy-key";
import { authenticatePersonalToken } from "@/lib/api/auth/authenticate-personal-token";
import { authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { isWellFormedSecret, SECRET_PREFIXES } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { verifyAccessToken } from "@/lib/oauth/access-token";
import { clientAccessRefusal } from "@/lib/oauth/client-access-policy";
import { loadLiveTokenState } from "@/lib/oauth/token-state";
import { noteClientUse } from "@/lib/usage/client-last-used";

async function fromClientSecretHeaders(
  clientId: string,
  secret: string,
  ip: string,
): Promise<ApiCaller | RefusedApiCall | Response> {
  const authenticated =
    isWellFormedClientId(clientId) && isWellFormedSecret(secret, "client_secret")
      ? await authenticateClientSecret(await getDb(), clientId, secret)
      : null;
  if (!authenticated) return invalidToken("The api-key and api-secret are not valid");
  const caller: ApiCaller = {
    organizationId: authenticated.organization.id,
    credential: "client_secret_headers",
    clientId: authenticated.client.clientId,
    userId: null,
    tokenId: null,
    scopes: authenticated.client.permissions,
    label: `client ${authenticated.client.name}`,
    ip,
  };
  const refusal = clientAccessRefusal(authenticated, ip);
  if (refusal) return new RefusedApiCall(caller, accessRefused(refusal));
  noteClientUse(authenticated.client);
  return caller;
}

async function fromAccessToken(token: string, ip: string): Promise<ApiCaller | RefusedApiCall | Response> {
  const verified = await verifyAccessToken(token);
  if (!verified.ok) return invalidToken(verified.reason);
  const live = await loadLiveTokenState(verified.claims, verified.scopes);
  if (!live) return invalidToken("The token has been revoked, or its client disabled or deleted");
  const caller: ApiCaller = {
    organizationId: live.organization.id,
    credential: "access_token",
    clientId: verified.claims.client_id,
    userId: null,
    tokenId: verified.claims.jti,
    scopes: live.scopes,
    label: `client ${live.clientName}`,
    ip,
  };
  const refusal = clientAccessRefusal(
    { organization: live.organization, client: { allowedIps: live.allowedIps } },
    ip,
  );
  if (refusal) return new RefusedApiCall(caller, accessRefused(refusal));
  noteClientUse({ id: live.clientRowId });
  return caller;
}

/**
 * Authenticates a resource API request, by DESIGN.md's table of methods by security level:
 * - `Authorization: Bearer <JWT>`: an access token from the token endpoint (every level);
 * - `api-key` + `api-secret` headers: a client's ID and secret (every level);
 * - `Authorization: Bearer lk_pat_…`: a personal token (every level);
 * - `Authorization: Basic base64(email:password)`: a user's password (Legacy and High);
 * - `Authorization: Bearer lk_legacy_…`: a user's static legacy key (Legacy only).
 * A client must be active, its plan must include API access and, where the organization
 * restricts by IP, the address must be allowed; a person's credential needs an active user
 * whose role has the REST API on. Returns the caller, a refused but known caller, or the
 * response that refuses an unknown one.
 */
export async function authenticateApiRequest(
  request: Request,
  ip: string,
): Promise<ApiCaller | RefusedApiCall | Response> {
  const apiKey = request.headers.get("api-key");
  const apiSecret = request.headers.get("api-secret");
  const authorization = request.headers.get("authorization");
  if (apiKey !== null || apiSecret !== null) {
    if (authorization) return invalidToken("Send either a bearer token or api-key and api-secret, not both");
    if (!apiKey || !apiSecret) return invalidToken("Both api-key and api-secret are required");
    return fromClientSecretHeaders(apiKey, apiSecret, ip);
  }
  if (!authorization) return missingCredentials();
  const [scheme = "", credentials = ""] = authorization.trim().split(/ +/, 2);
  const token = credentials.trim();
  if (scheme.toLowerCase() === "basic" && token) return authenticateBasicPassword(token, ip);
  if (scheme.toLowerCase() !== "bearer" || !token) {
    return invalidToken("Use the Bearer authentication scheme (or Basic with an email and password)");
  }
  if (token.startsWith(SECRET_PREFIXES.personal_token)) return authenticatePersonalToken(token, ip);
  if (token.startsWith(SECRET_PREFIXES.legacy_key)) return authenticateLegacyKey(token, ip);
  return fromAccessToken(token, ip);
}
