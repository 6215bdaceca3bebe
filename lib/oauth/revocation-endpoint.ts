import { recordSecurityEvent } from "@/lib/audit/record-security-event";
import { clientActor, requestOrigin } from "@/lib/audit/security-event";
import { getDb } from "@/lib/db/client";
import { revokedAccessTokens } from "@/lib/db/schema";
import { ACCESS_TOKEN_TARGET_TYPE, verifyAccessToken } from "./access-token";
import { authenticateOAuthClient, enforceClientAccess } from "./authenticate-client";
import { OAuthError, oauthFailureResponse } from "./oauth-error";
import { readFormBody, refuseCredentialsInQuery } from "./read-form-body";

/**
 * POST /api/oauth/revoke (RFC 7009). A client revokes its own access tokens; the next use of a
 * revoked token is refused in every process (see token-state.ts). The answer is 200 whether the
 * token was unknown, already invalid, or issued to another client — in that last case nothing
 * is revoked, and the caller learns nothing about another client's token. Each call is
 * recorded as a security event, naming the token (its `jti`) only when it was the caller's own.
 */
export async function handleRevocationRequest(request: Request, ip: string): Promise<Response> {
  const origin = requestOrigin(request, ip);
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    const caller = await authenticateOAuthClient(request, params, origin, "revocation");
    enforceClientAccess(caller, origin, "revocation");
    const token = params.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required");

    const verified = await verifyAccessToken(token);
    const own =
      verified.ok &&
      verified.claims.client_id === caller.client.clientId &&
      verified.claims.org_id === caller.organization.id;
    if (own) {
      const db = await getDb();
      await db
        .insert(revokedAccessTokens)
        .values({
          jti: verified.claims.jti,
          organizationId: caller.organization.id,
          clientId: caller.client.clientId,
          expiresAt: new Date(verified.claims.exp * 1000),
        })
        .onConflictDoNothing();
    }
    recordSecurityEvent({
      action: "access_token.revocation_requested",
      organizationId: caller.organization.id,
      actor: clientActor(caller.client),
      ...(own ? { target: { type: ACCESS_TOKEN_TARGET_TYPE, id: verified.claims.jti } } : {}),
      origin,
      outcome: "success",
      details: { revoked: own },
    });
    return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return oauthFailureResponse(error);
  }
}
