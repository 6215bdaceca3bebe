import { isScope, type Scope } from "@/lib/permissions/catalogue";
import { normalizeGrid } from "@/lib/permissions/grid";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { TokenRequestUsage } from "@/lib/usage/token-request-usage";
import { issueAccessToken } from "./access-token";
import { authenticateOAuthClient } from "./authenticate-client";
import { clientAccessRefusal } from "./client-access-policy";
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

/**
 * POST /api/oauth/token: the client credentials grant (RFC 6749 §4.4), as a pipeline of
 * small steps — no credentials in the URL, a form body without repeated parameters, client
 * authentication, the grant type, plan and address policy, the scope, then the token. Each
 * request counts in the client's usage (lib/usage/token-request-usage.ts), in memory.
 */
export async function handleTokenRequest(request: Request, ip: string): Promise<Response> {
  const usage = new TokenRequestUsage(request, ip);
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    usage.read(params);
    const grantType = params.get("grant_type");
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required");
    const { client, organization, issuance } = await authenticateOAuthClient(request, params, ip);
    usage.authenticated({ client, organization, issuance });
    if (grantType !== "client_credentials") {
      throw new OAuthError("unsupported_grant_type", "Only the client_credentials grant is supported");
    }
    const refusal = clientAccessRefusal({ client, organization }, ip);
    if (refusal) throw new OAuthError("unauthorized_client", refusal);
    const scopes = grantedScopes(params.get("scope"), client.permissions);
    const lifetime = accessTokenLifetimeSeconds();
    const { token } = await issueAccessToken({
      clientId: client.clientId,
      organizationId: organization.id,
      partnerId: organization.partnerId,
      scopes,
      lifetimeSeconds: lifetime,
      issuance,
    });
    noteClientUse(client);
    usage.issued();
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
