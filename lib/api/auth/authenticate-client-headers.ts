import { authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { clientAccessRefusal } from "@/lib/oauth/client-access-policy";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { accessRefusedProblem, invalidTokenProblem } from "./api-auth-errors";
import type { ApiCaller, AuthenticationResult } from "./api-caller";
import { refuseWrongCredential } from "./refuse-credential";

export const CLIENT_HEADERS_INVALID = "The api-key and api-secret are not valid";

/**
 * `api-key` + `api-secret`: a client's ID and secret on every request. A wrong secret spends
 * the same budgets as at the token endpoint, so the headers are no way around its limit.
 */
export async function authenticateClientHeaders(
  clientId: string,
  secret: string,
  ip: string,
): Promise<AuthenticationResult> {
  if (!isWellFormedClientId(clientId) || !isWellFormedSecret(secret, "client_secret")) {
    throw invalidTokenProblem(CLIENT_HEADERS_INVALID);
  }
  const authenticated = await authenticateClientSecret(await getDb(), clientId, secret);
  if (!authenticated) return refuseWrongCredential(ip, CLIENT_HEADERS_INVALID, clientId);
  const caller: ApiCaller = {
    organizationId: authenticated.organization.id,
    credential: "client_secret_headers",
    clientId: authenticated.client.clientId,
    userId: null,
    tokenId: null,
    scopes: authenticated.client.permissions,
    label: `client ${authenticated.client.name}`,
    ip,
    requestsPerMinute: authenticated.client.requestsPerMinute,
    secretId: authenticated.issuance.secretId,
  };
  const refusal = clientAccessRefusal(authenticated, ip);
  if (refusal) return { outcome: "refused", caller, problem: accessRefusedProblem(refusal) };
  noteClientUse(authenticated.client);
  return { outcome: "authenticated", caller };
}
