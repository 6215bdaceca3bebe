import { problemResponse } from "@/lib/http/problem";

const REALM = 'realm="Latchkey"';

/** RFC 6750 §3: no credentials at all get a bare challenge; bad ones say invalid_token. */
export function missingCredentials(): Response {
  return problemResponse(
    401,
    "Unauthorized",
    "Send a bearer access token, or api-key and api-secret headers.",
    {},
    {
      "www-authenticate": `Bearer ${REALM}`,
    },
  );
}

/** A description as an auth-param's quoted string (RFC 6750 §3: no quote or backslash). */
function quoted(description: string): string {
  return description.replace(/["\\]/g, "");
}

export function invalidToken(description: string): Response {
  return problemResponse(
    401,
    "Unauthorized",
    description,
    {},
    {
      "www-authenticate": `Bearer ${REALM}, error="invalid_token", error_description="${quoted(description)}"`,
    },
  );
}

/**
 * Valid credentials refused for a reason other than scope (plan, address, REST API off). RFC 6750
 * has no error code for these, so the challenge carries the realm and the description only.
 */
export function accessRefused(description: string): Response {
  return problemResponse(
    403,
    "Forbidden",
    description,
    {},
    {
      "www-authenticate": `Bearer ${REALM}, error_description="${quoted(description)}"`,
    },
  );
}
