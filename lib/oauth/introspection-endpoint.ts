import { verifyAccessToken } from "./access-token";
import { authenticateOAuthClient } from "./authenticate-client";
import { clientAccessRefusal } from "./client-access-policy";
import { OAuthError, oauthFailureResponse, oauthJson } from "./oauth-error";
import { readFormBody, refuseCredentialsInQuery } from "./read-form-body";
import { loadLiveTokenState } from "./token-state";

const INACTIVE = { active: false } as const;

/**
 * POST /api/oauth/introspect (RFC 7662). The caller authenticates as a client and may learn
 * about tokens of its own organization only; anything else — unknown, expired, revoked,
 * another organization's, a disabled client's — is exactly `{"active": false}`.
 */
export async function handleIntrospectionRequest(request: Request, ip: string): Promise<Response> {
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    const caller = await authenticateOAuthClient(request, params, ip);
    const refusal = clientAccessRefusal(caller, ip);
    if (refusal) throw new OAuthError("unauthorized_client", refusal);
    const token = params.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required");

    const verified = await verifyAccessToken(token);
    if (!verified.ok || verified.claims.org_id !== caller.organization.id) return oauthJson(INACTIVE);
    const live = await loadLiveTokenState(verified.claims, verified.scopes);
    if (!live) return oauthJson(INACTIVE);
    const { claims } = verified;
    return oauthJson({
      active: true,
      scope: live.scopes.join(" "),
      client_id: claims.client_id,
      token_type: "Bearer",
      exp: claims.exp,
      iat: claims.iat,
      nbf: claims.nbf,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      jti: claims.jti,
    });
  } catch (error) {
    return oauthFailureResponse(error);
  }
}
