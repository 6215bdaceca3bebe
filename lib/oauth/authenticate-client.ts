import { recordSecurityEvent } from "@/lib/audit/record-security-event";
import { ANONYMOUS_ACTOR, clientActor, type RequestOrigin } from "@/lib/audit/security-event";
import { type AuthenticatedClient, authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { recordSecretFailure } from "@/lib/limits/secret-guessing";
import { clientAccessRefusal } from "./client-access-policy";
import { OAuthError } from "./oauth-error";

/** The OAuth endpoints a client authenticates at, as security events name them. */
export type OAuthEndpoint = "token" | "introspection" | "revocation";
type ClientAuthMethod = "client_secret_basic" | "client_secret_post";

const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="Latchkey", charset="UTF-8"' };

/** RFC 6749 Appendix B: Basic credentials are form-urlencoded before base64. */
export function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_request", "The client credentials are not properly encoded");
  }
}

/** RFC 7617 / RFC 7235 token68 after "Basic ", and nothing else. */
const BASIC_AUTHORIZATION = /^basic +([A-Za-z0-9\-._~+/]+=*)$/i;

function credentialsFrom(request: Request, params: Map<string, string>) {
  const authorization = request.headers.get("authorization");
  const bodySecret = params.get("client_secret");
  if (authorization) {
    const scheme = authorization.trim().split(" ", 1)[0]?.toLowerCase();
    if (scheme !== "basic") {
      throw new OAuthError(
        "invalid_client",
        "Authenticate with HTTP Basic or client_secret_post",
        401,
        BASIC_CHALLENGE,
      );
    }
    // Two Authorization headers arrive joined by a comma, which base64 never holds.
    const encoded = BASIC_AUTHORIZATION.exec(authorization.trim())?.[1];
    if (!encoded) {
      throw new OAuthError(
        "invalid_request",
        "The Authorization header must be exactly 'Basic <credentials>'",
      );
    }
    if (bodySecret !== undefined) {
      throw new OAuthError(
        "invalid_request",
        "Use one client authentication method, not both Basic and client_secret",
      );
    }
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0)
      throw new OAuthError("invalid_client", "The Basic credentials are malformed", 401, BASIC_CHALLENGE);
    const clientId = formDecode(decoded.slice(0, colon));
    const bodyClientId = params.get("client_id");
    if (bodyClientId !== undefined && bodyClientId !== clientId) {
      throw new OAuthError(
        "invalid_request",
        "client_id in the body does not match the authenticated client",
      );
    }
    return { clientId, secret: formDecode(decoded.slice(colon + 1)), method: "client_secret_basic" as const };
  }
  const clientId = params.get("client_id");
  if (clientId === undefined || bodySecret === undefined) {
    throw new OAuthError("invalid_client", "Client authentication is required", 401, BASIC_CHALLENGE);
  }
  return { clientId, secret: bodySecret, method: "client_secret_post" as const };
}

/**
 * Authenticates the calling client (client_secret_basic or client_secret_post). An unknown
 * client, a wrong secret, a disabled client and a malformed secret all get one answer; a
 * malformed one is refused before any database work. A wrong secret spends the failure
 * budgets it shares with the api-key/api-secret headers (per address, per client and address,
 * per client); once one is spent, wrong secrets are answered 429 with Retry-After — a right
 * secret never is, so guessing from elsewhere cannot lock the real client out.
 *
 * Every refusal of credentials that were sent is recorded as a security event, the same way
 * whatever the reason (which is found when the event is written, see resolve-presented-clients.ts):
 * recording adds nothing to the answer or its timing. Requests without client credentials, or
 * with them in a shape no method accepts, are not attempts at anyone's credentials and are not
 * recorded.
 */
export async function authenticateOAuthClient(
  request: Request,
  params: Map<string, string>,
  origin: RequestOrigin,
  endpoint: OAuthEndpoint,
): Promise<AuthenticatedClient & { method: ClientAuthMethod }> {
  const { clientId, secret, method } = credentialsFrom(request, params);
  const refused = { action: "api_client.authentication_refused", actor: ANONYMOUS_ACTOR, origin } as const;
  if (!isWellFormedClientId(clientId) || !isWellFormedSecret(secret, "client_secret")) {
    // Spends no budget, so only a sample and a count per address and minute are recorded.
    recordSecurityEvent(
      {
        ...refused,
        organizationId: null,
        outcome: "denied",
        reason: "malformed_credentials",
        details: { endpoint, method },
        ...(isWellFormedClientId(clientId) ? { presentedClient: { clientId } } : {}),
      },
      { repeatsOf: [] },
    );
    throw new OAuthError("invalid_client", "Client authentication failed", 401, BASIC_CHALLENGE);
  }
  const authenticated = await authenticateClientSecret(await getDb(), clientId, secret);
  if (!authenticated) {
    const budget = await recordSecretFailure(origin.ip, clientId);
    if (budget.spent) {
      recordSecurityEvent(
        {
          ...refused,
          organizationId: null,
          outcome: "denied",
          reason: "rate_limited",
          details: { endpoint, method, retryAfterSeconds: budget.retryAfterSeconds },
          presentedClient: { clientId },
        },
        { repeatsOf: [] },
      );
      throw new OAuthError(
        "invalid_client",
        `Too many failed attempts; try again in ${budget.retryAfterSeconds} seconds`,
        429,
        { "retry-after": String(budget.retryAfterSeconds) },
      );
    }
    // Bounded by the budget just spent; the exact reason is found when it is written.
    recordSecurityEvent({
      ...refused,
      organizationId: null,
      outcome: "denied",
      reason: "wrong_secret",
      details: { endpoint, method },
      presentedClient: { clientId, secretHash: secretHash(secret) },
    });
    throw new OAuthError("invalid_client", "Client authentication failed", 401, BASIC_CHALLENGE);
  }
  return { ...authenticated, method };
}

/**
 * Whether an authenticated client may use the OAuth endpoints now (plan, address): refused
 * with unauthorized_client, recorded in its organization's audit log. The client proved
 * itself, so its repeats are counted per client (a misconfigured job retrying all day costs
 * two events a minute).
 */
export function enforceClientAccess(
  authenticated: AuthenticatedClient & { method: ClientAuthMethod },
  origin: RequestOrigin,
  endpoint: OAuthEndpoint,
): void {
  const refusal = clientAccessRefusal(authenticated, origin.ip);
  if (!refusal) return;
  const { client, organization } = authenticated;
  recordSecurityEvent(
    {
      action: "api_client.authentication_refused",
      organizationId: organization.id,
      actor: clientActor(client),
      target: { type: CLIENT_TARGET_TYPE, id: client.clientId },
      origin,
      outcome: "denied",
      reason: refusal.reason,
      details: { endpoint, method: authenticated.method },
    },
    { repeatsOf: [client.clientId] },
  );
  throw new OAuthError("unauthorized_client", refusal.description);
}
