import { getDb } from "@/lib/db/client";
import { revokedAccessTokens } from "@/lib/db/schema";
import { verifyAccessToken } from "./access-token";
import { authenticateOAuthClient } from "./authenticate-client";
import { clientAccessRefusal } from "./client-access-policy";
import { OAuthError, oauthFailureResponse } from "./oauth-error";
import { readFormBody, refuseCredentialsInQuery } from "./read-form-body";

/**
 * POST /api/oauth/revoke (RFC 7009). A client revokes its own access tokens; the next use of a
 * revoked token is refused in every process (see token-state.ts). The answer is 200 whether the
 * token was unknown, already invalid, or issued to another client — in that last case nothing
 * is revoked, and the caller learns nothing about another client's token.
 */
export async function handleRevocationRequest(request: Request, ip: string): Promise<Response> {
  try {
    refuseCredentialsInQuery(request);
    const params = await readFormBody(request);
    const caller = await authenticateOAuthClient(request, params, ip);
    const refusal = clientAccessRefusal(caller, ip);
    if (refusal) throw new OAuthError("unauthorized_client", refusal);
    const token = params.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required");

    const verified = await verifyAccessToken(token);
    if (
      verified.ok &&
      verified.claims.client_id === caller.client.clientId &&
      verified.claims.org_id === caller.organization.id
    ) {
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
    return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return oauthFailureResponse(error);
  }
}
