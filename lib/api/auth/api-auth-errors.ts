import { ApiProblem } from "@/lib/api/api-problem";

const REALM = 'realm="Latchkey"';

/** A description as an auth-param's quoted string (RFC 6750 §3: no quote or backslash). */
function quoted(description: string): string {
  return description.replace(/["\\]/g, "");
}

/** RFC 6750 §3: no credentials at all get a bare challenge. */
export function missingCredentialsProblem(): ApiProblem {
  return new ApiProblem(
    401,
    "Unauthorized",
    "Send a bearer access token, or api-key and api-secret headers.",
    {},
    { "www-authenticate": `Bearer ${REALM}` },
  );
}

/** RFC 6750 §3.1 invalid_request: credentials sent in a shape the API does not accept (400). */
export function malformedCredentialsProblem(description: string): ApiProblem {
  return new ApiProblem(
    400,
    "Bad Request",
    description,
    {},
    {
      "www-authenticate": `Bearer ${REALM}, error="invalid_request", error_description="${quoted(description)}"`,
    },
  );
}

/** RFC 6750 §3.1 invalid_token: unknown, wrong, expired or revoked credentials (401). */
export function invalidTokenProblem(description: string): ApiProblem {
  return new ApiProblem(
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
export function accessRefusedProblem(description: string): ApiProblem {
  return new ApiProblem(
    403,
    "Forbidden",
    description,
    {},
    { "www-authenticate": `Bearer ${REALM}, error_description="${quoted(description)}"` },
  );
}

/** Too many failed attempts: the failure budget is spent until the window ends. */
export function tooManyAttemptsProblem(retryAfterSeconds: number): ApiProblem {
  return new ApiProblem(
    429,
    "Too Many Requests",
    `Too many failed attempts; try again in ${retryAfterSeconds} seconds.`,
    {},
    { "retry-after": String(retryAfterSeconds) },
  );
}
