import { type AuthenticatedClient, authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { isWellFormedClientId } from "@/lib/clients/client-id";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { clientAuthFailureLimiter } from "./failure-limiter";
import { OAuthError } from "./oauth-error";

const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="Latchkey", charset="UTF-8"' };

/** RFC 6749 Appendix B: Basic credentials are form-urlencoded before base64. */
export function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_request", "The client credentials are not properly encoded");
  }
}

function credentialsFrom(request: Request, params: Map<string, string>) {
  const authorization = request.headers.get("authorization");
  const bodySecret = params.get("client_secret");
  if (authorization) {
    const [scheme, encoded = ""] = authorization.split(" ", 2);
    if (scheme?.toLowerCase() !== "basic") {
      throw new OAuthError(
        "invalid_client",
        "Authenticate with HTTP Basic or client_secret_post",
        401,
        BASIC_CHALLENGE,
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
 * malformed one is refused before any database work. Repeated failures are answered 429.
 */
export async function authenticateOAuthClient(
  request: Request,
  params: Map<string, string>,
  ip: string,
): Promise<AuthenticatedClient & { method: "client_secret_basic" | "client_secret_post" }> {
  const { clientId, secret, method } = credentialsFrom(request, params);
  const limiter = clientAuthFailureLimiter();
  const wait = limiter.retryAfterSeconds(ip, clientId);
  if (wait > 0) {
    throw new OAuthError("invalid_client", `Too many failed attempts; try again in ${wait} seconds`, 429, {
      "retry-after": String(wait),
    });
  }
  const authenticated =
    isWellFormedClientId(clientId) && isWellFormedSecret(secret, "client_secret")
      ? await authenticateClientSecret(await getDb(), clientId, secret)
      : null;
  if (!authenticated) {
    limiter.recordFailure(ip, clientId);
    throw new OAuthError("invalid_client", "Client authentication failed", 401, BASIC_CHALLENGE);
  }
  return { ...authenticated, method };
}
