import { recordSecurityEvent } from "@/lib/audit/record-security-event";
import { clientActor, type RequestOrigin, requestOrigin } from "@/lib/audit/security-event";
import type { AuthenticatedClient } from "@/lib/clients/authenticate-client-secret";
import { ACCESS_TOKEN_TARGET_TYPE, verifyAccessToken } from "./access-token";
import { authenticateOAuthClient, enforceClientAccess } from "./authenticate-client";
import { OAuthError, oauthFailureResponse, oauthJson } from "./oauth-error";
import { readFormBody, refuseCredentialsInQuery } from "./read-form-body";
import { loadLiveTokenState } from "./token-state";

const INACTIVE = { active: false } as const;

/**
 * The call, in the caller's organization's audit log. The token is named by its `jti` only
 * when it is one of that organization's (verified), so that nothing about another
 * organization's token lands there.
 */
function recordIntrospection(
  { client, organization }: AuthenticatedClient,
  origin: RequestOrigin,
  jti: string | null,
  active: boolean,
) {
  recordSecurityEvent({
    action: "access_token.introspected",
    organizationId: organization.id,
    actor: clientActor(client),
    ...(jti ? { target: { type: ACCESS_TOKEN_TARGET_TYPE, id: jti } } : {}),
    origin,
    outcome: "success",
    details: { active },
  });
}

/**
 * POST /api/oauth/introspect (RFC 7662). The caller authenticates as a client and may learn
 * about tokens of its own organization only; anything else — unknown, expired, revoked,
 * another organization's, a disabled client's — is exactly `{"active": false}`. Each call is
 * recorded as a security event.
 */
export async function handleIntrospectionRequest(request: Request, ip: string): Promise<Response> {
  const origin = requestOrigin(request, ip);
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    const caller = await authenticateOAuthClient(request, params, origin, "introspection");
    enforceClientAccess(caller, origin, "introspection");
    const token = params.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required");

    const verified = await verifyAccessToken(token);
    const ours = verified.ok && verified.claims.org_id === caller.organization.id;
    if (!verified.ok || !ours) {
      recordIntrospection(caller, origin, null, false);
      return oauthJson(INACTIVE);
    }
    const { claims } = verified;
    const live = await loadLiveTokenState(claims, verified.scopes);
    recordIntrospection(caller, origin, claims.jti, live !== null);
    if (!live) return oauthJson(INACTIVE);
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
