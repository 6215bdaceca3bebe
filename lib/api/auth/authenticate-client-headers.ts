import { clientActor, type RequestOrigin } from "@/lib/audit/security-event";
import { authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { clientAccessRefusal } from "@/lib/oauth/client-access-policy";
import { noteClientUse } from "@/lib/usage/client-last-used";
import { accessRefusedProblem, invalidTokenProblem } from "./api-auth-errors";
import type { ApiCaller, AuthenticationResult } from "./api-caller";
import { recordCredentialRefusal } from "./record-credential-refusal";
import { refuseWrongCredential } from "./refuse-credential";

export const CLIENT_HEADERS_INVALID = "The api-key and api-secret are not valid";

/**
 * `api-key` + `api-secret`: a client's ID and secret on every request. A wrong secret spends
 * the same budgets as at the token endpoint, so the headers are no way around its limit; its
 * refusals are recorded as at the token endpoint too (client authentication refused).
 */
export async function authenticateClientHeaders(
  clientId: string,
  secret: string,
  origin: RequestOrigin,
): Promise<AuthenticationResult> {
  const { ip } = origin;
  if (!isWellFormedClientId(clientId) || !isWellFormedSecret(secret, "client_secret")) {
    // Spends no budget: a sample and a count per address and minute.
    recordCredentialRefusal(
      origin,
      "client_secret_headers",
      {
        reason: "malformed_credentials",
        ...(isWellFormedClientId(clientId) ? { presentedClient: { clientId } } : {}),
      },
      { repeatsOf: [] },
    );
    throw invalidTokenProblem(CLIENT_HEADERS_INVALID);
  }
  const authenticated = await authenticateClientSecret(await getDb(), clientId, secret);
  if (!authenticated) {
    return refuseWrongCredential(
      origin,
      CLIENT_HEADERS_INVALID,
      "client_secret_headers",
      { reason: "wrong_secret", presentedClient: { clientId, secretHash: secretHash(secret) } },
      clientId,
    );
  }
  const caller: ApiCaller = {
    organizationId: authenticated.organization.id,
    credential: "client_secret_headers",
    clientId: authenticated.client.clientId,
    userId: null,
    tokenId: null,
    scopes: authenticated.client.permissions,
    label: `client ${authenticated.client.name}`,
    ip,
    userAgent: origin.userAgent,
    requestsPerMinute: authenticated.client.requestsPerMinute,
    secretId: authenticated.issuance.secretId,
  };
  const refusal = clientAccessRefusal(authenticated, ip);
  if (refusal) {
    recordCredentialRefusal(
      origin,
      "client_secret_headers",
      {
        reason: refusal.reason,
        organizationId: authenticated.organization.id,
        actor: clientActor(authenticated.client),
        target: { type: CLIENT_TARGET_TYPE, id: authenticated.client.clientId },
      },
      { repeatsOf: [authenticated.client.clientId] },
    );
    return { outcome: "refused", caller, problem: accessRefusedProblem(refusal.description) };
  }
  noteClientUse(authenticated.client);
  return { outcome: "authenticated", caller };
}
