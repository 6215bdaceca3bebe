import { recordSecurityEvent } from "@/lib/audit/record-security-event";
import { clientActor, type RequestOrigin, requestOrigin } from "@/lib/audit/security-event";
import type { AuthenticatedClient } from "@/lib/clients/authenticate-client-secret";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import { isScope, type Scope } from "@/lib/permissions/catalogue";
import { normalizeGrid } from "@/lib/permissions/grid";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { TokenRequestUsage } from "@/lib/usage/token-request-usage";
import { ACCESS_TOKEN_TARGET_TYPE, issueAccessToken } from "./access-token";
import { authenticateOAuthClient, enforceClientAccess } from "./authenticate-client";
import { accessTokenLifetimeSeconds } from "./issuer";
import { OAuthError, oauthFailureResponse, oauthJson } from "./oauth-error";
import { readFormBody, refuseCredentialsInQuery } from "./read-form-body";

/** RFC 6749 §3.3 scope-token characters. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function grantedScopes(requested: string | undefined, permitted: readonly Scope[]): Scope[] {
  if (requested === undefined || requested.trim() === "") {
    if (permitted.length === 0) throw new OAuthError("invalid_scope", "This client holds no permissions");
    return normalizeGrid(permitted);
  }
  const wanted = requested.split(" ").filter((token) => token !== "");
  for (const token of wanted) {
    if (!SCOPE_TOKEN.test(token)) throw new OAuthError("invalid_request", "The scope parameter is malformed");
    if (!isScope(token)) throw new OAuthError("invalid_scope", `Unknown scope "${token.slice(0, 60)}"`);
    if (!permitted.includes(token))
      throw new OAuthError("invalid_scope", `The client is not granted "${token}"`);
  }
  return normalizeGrid(wanted as Scope[]);
}

type Authenticated = AuthenticatedClient & { method: "client_secret_basic" | "client_secret_post" };

/**
 * An authenticated client's token request refused (grant type, scope), in its organization's
 * audit log. The details name only catalogue scopes, never the request's free text; repeats
 * are counted per client.
 */
function recordRefusedRequest(
  { client, organization, method }: Authenticated,
  origin: RequestOrigin,
  reason: "unsupported_grant_type" | "invalid_scope",
  requestedScope: string | undefined,
) {
  const requested = (requestedScope ?? "").split(" ").filter(isScope);
  recordSecurityEvent(
    {
      action: "access_token.request_refused",
      organizationId: organization.id,
      actor: clientActor(client),
      target: { type: CLIENT_TARGET_TYPE, id: client.clientId },
      origin,
      outcome: "denied",
      reason,
      details: { endpoint: "token", method, ...(reason === "invalid_scope" ? { requested } : {}) },
    },
    { repeatsOf: [client.clientId] },
  );
}

/**
 * POST /api/oauth/token: the client credentials grant (RFC 6749 §4.4), as a pipeline of
 * small steps — no credentials in the URL, a form body without repeated parameters, client
 * authentication, the grant type, plan and address policy, the scope, then the token. The
 * token issued, and every refusal of credentials, is recorded as a security event; each
 * request also counts in the client's usage (lib/usage/token-request-usage.ts), in memory.
 */
export async function handleTokenRequest(request: Request, ip: string): Promise<Response> {
  const origin = requestOrigin(request, ip);
  const usage = new TokenRequestUsage(request, ip);
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    usage.read(params);
    const grantType = params.get("grant_type");
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required");
    const authenticated = await authenticateOAuthClient(request, params, origin, "token");
    const { client, organization, issuance } = authenticated;
    usage.authenticated({ client, organization, issuance });
    if (grantType !== "client_credentials") {
      recordRefusedRequest(authenticated, origin, "unsupported_grant_type", undefined);
      throw new OAuthError("unsupported_grant_type", "Only the client_credentials grant is supported");
    }
    enforceClientAccess(authenticated, origin, "token");
    let scopes: Scope[];
    try {
      scopes = grantedScopes(params.get("scope"), client.permissions);
    } catch (error) {
      if (error instanceof OAuthError && error.error === "invalid_scope") {
        recordRefusedRequest(authenticated, origin, "invalid_scope", params.get("scope"));
      }
      throw error;
    }
    const lifetime = accessTokenLifetimeSeconds();
    const { token, claims } = await issueAccessToken({
      clientId: client.clientId,
      organizationId: organization.id,
      partnerId: organization.partnerId,
      scopes,
      lifetimeSeconds: lifetime,
      issuance,
    });
    noteClientUse(client);
    usage.issued();
    recordSecurityEvent({
      action: "access_token.issued",
      organizationId: organization.id,
      actor: clientActor(client),
      target: { type: ACCESS_TOKEN_TARGET_TYPE, id: claims.jti },
      origin,
      outcome: "success",
      details: {
        client_id: client.clientId,
        scope: claims.scope,
        expires_at: new Date(claims.exp * 1000).toISOString(),
        method: authenticated.method,
      },
    });
    return oauthJson({
      access_token: token,
      token_type: "Bearer",
      expires_in: lifetime,
      scope: scopes.join(" "),
    });
  } catch (error) {
    usage.refused(error);
    return oauthFailureResponse(error);
  }
}
