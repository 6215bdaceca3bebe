import { asDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/db/errors";
import { reportDatabaseUnavailable } from "@/lib/db/report-unavailable";

/** An RFC 6749 §5.2 error: the `error` code, its description and the HTTP status it travels with. */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | "invalid_request"
      | "invalid_client"
      | "invalid_grant"
      | "unauthorized_client"
      | "unsupported_grant_type"
      | "invalid_scope"
      | "unsupported_token_type",
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

/** Responses of the OAuth endpoints carry tokens or say why not: never cache them. */
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" } as const;

export function oauthJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...NO_STORE, ...headers },
  });
}

export function oauthErrorResponse(error: OAuthError): Response {
  return oauthJson({ error: error.error, error_description: error.description }, error.status, error.headers);
}

/** 503 `temporarily_unavailable` (RFC 6749 §4.1.2.1's code) while the database cannot answer. */
export function temporarilyUnavailableResponse(): Response {
  return oauthJson(
    {
      error: "temporarily_unavailable",
      error_description: "The authorization server is temporarily unavailable; try again shortly",
    },
    503,
    { "retry-after": String(RETRY_AFTER_SECONDS) },
  );
}

/**
 * The OAuth endpoints' one catch: their own errors as RFC 6749 responses, database trouble as
 * 503 temporarily_unavailable — never as invalid_client, which would tell a client with good
 * credentials that they are bad. Anything else is a bug and propagates.
 */
export function oauthFailureResponse(error: unknown): Response {
  if (error instanceof OAuthError) return oauthErrorResponse(error);
  const unavailable = asDatabaseUnavailable(error);
  if (!unavailable) throw error;
  reportDatabaseUnavailable(unavailable, "oauth");
  return temporarilyUnavailableResponse();
}
