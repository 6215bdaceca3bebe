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

export function invalidToken(description: string): Response {
  const quoted = description.replace(/["\\]/g, "");
  return problemResponse(
    401,
    "Unauthorized",
    description,
    {},
    {
      "www-authenticate": `Bearer ${REALM}, error="invalid_token", error_description="${quoted}"`,
    },
  );
}

export function accessRefused(description: string): Response {
  return problemResponse(403, "Forbidden", description);
}
