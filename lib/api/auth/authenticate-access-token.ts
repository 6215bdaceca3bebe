import { clientActor, type RequestOrigin } from "@/lib/audit/security-event";
import {
  ACCESS_TOKEN_TARGET_TYPE,
  type AccessTokenClaims,
  verifyAccessToken,
} from "@/lib/oauth/access-token";
import { clientAccessRefusal } from "@/lib/oauth/client-access-policy";
import { loadLiveTokenState } from "@/lib/oauth/token-state";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { accessRefusedProblem, invalidTokenProblem } from "./api-auth-errors";
import type { ApiCaller, AuthenticationResult } from "./api-caller";
import { type CredentialRefusal, recordCredentialRefusal } from "./record-credential-refusal";
import { refuseWrongCredential } from "./refuse-credential";

export const TOKEN_NOT_LIVE = "The token has been revoked, or its client disabled or deleted";

/**
 * A refusal of a token Latchkey signed (so its claims can be believed): in the token's
 * organization, by its client, about its `jti`. Such refusals spend no budget — the token is
 * genuine — so their repeats are counted per token.
 */
function refuseGenuineToken(
  origin: RequestOrigin,
  claims: AccessTokenClaims,
  refusal: Pick<CredentialRefusal, "reason" | "actor">,
) {
  recordCredentialRefusal(
    origin,
    "access_token",
    {
      organizationId: claims.org_id,
      actor: clientActor({ id: null, clientId: claims.client_id }),
      target: { type: ACCESS_TOKEN_TARGET_TYPE, id: claims.jti },
      details: { client_id: claims.client_id },
      ...refusal,
    },
    { repeatsOf: [claims.jti] },
  );
}

/** A bearer JWT from the token endpoint: its signature and claims, then its live state. */
export async function authenticateAccessToken(
  token: string,
  origin: RequestOrigin,
): Promise<AuthenticationResult> {
  const { ip } = origin;
  const verified = await verifyAccessToken(token);
  if (!verified.ok) {
    // An expired token is an honest client's, not a guess: refused without spending a budget.
    if (verified.expired) {
      refuseGenuineToken(origin, verified.claims, { reason: "token_expired" });
      throw invalidTokenProblem(verified.reason);
    }
    return refuseWrongCredential(origin, verified.reason, "access_token", {
      reason: "invalid_token",
      details: { problem: verified.reason },
    });
  }
  const { claims } = verified;
  const live = await loadLiveTokenState(claims, verified.scopes);
  if (!live) {
    refuseGenuineToken(origin, claims, { reason: "token_not_live" });
    throw invalidTokenProblem(TOKEN_NOT_LIVE);
  }
  const caller: ApiCaller = {
    organizationId: live.organization.id,
    credential: "access_token",
    clientId: claims.client_id,
    userId: null,
    tokenId: claims.jti,
    scopes: live.scopes,
    label: `client ${live.clientName}`,
    ip,
    userAgent: origin.userAgent,
    requestsPerMinute: live.requestsPerMinute,
    secretId: verified.claims.lk_sid,
  };
  const refusal = clientAccessRefusal(
    { organization: live.organization, client: { allowedIps: live.allowedIps } },
    ip,
  );
  if (refusal) {
    const actor = clientActor({ id: live.clientRowId, clientId: claims.client_id, name: live.clientName });
    refuseGenuineToken(origin, claims, { reason: refusal.reason, actor });
    return { outcome: "refused", caller, problem: accessRefusedProblem(refusal.description) };
  }
  noteClientUse({ id: live.clientRowId });
  return { outcome: "authenticated", caller };
}
