import { verifyAccessToken } from "@/lib/oauth/access-token";
import { clientAccessRefusal } from "@/lib/oauth/client-access-policy";
import { loadLiveTokenState } from "@/lib/oauth/token-state";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { accessRefusedProblem, invalidTokenProblem } from "./api-auth-errors";
import type { ApiCaller, AuthenticationResult } from "./api-caller";
import { refuseWrongCredential } from "./refuse-credential";

export const TOKEN_NOT_LIVE = "The token has been revoked, or its client disabled or deleted";

/** A bearer JWT from the token endpoint: its signature and claims, then its live state. */
export async function authenticateAccessToken(token: string, ip: string): Promise<AuthenticationResult> {
  const verified = await verifyAccessToken(token);
  if (!verified.ok) {
    // An expired token is an honest client's, not a guess: refused without spending a budget.
    if (verified.expired) throw invalidTokenProblem(verified.reason);
    return refuseWrongCredential(ip, verified.reason);
  }
  const live = await loadLiveTokenState(verified.claims, verified.scopes);
  if (!live) throw invalidTokenProblem(TOKEN_NOT_LIVE);
  const caller: ApiCaller = {
    organizationId: live.organization.id,
    credential: "access_token",
    clientId: verified.claims.client_id,
    userId: null,
    tokenId: verified.claims.jti,
    scopes: live.scopes,
    label: `client ${live.clientName}`,
    ip,
    requestsPerMinute: live.requestsPerMinute,
    secretId: verified.claims.lk_sid,
  };
  const refusal = clientAccessRefusal(
    { organization: live.organization, client: { allowedIps: live.allowedIps } },
    ip,
  );
  if (refusal) return { outcome: "refused", caller, problem: accessRefusedProblem(refusal) };
  noteClientUse({ id: live.clientRowId });
  return { outcome: "authenticated", caller };
}
