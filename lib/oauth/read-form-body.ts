import { readBoundedBytes } from "@/lib/http/read-bounded-bytes";
import { OAuthError } from "./oauth-error";

/** OAuth requests are small; anything larger is refused before it is read in full. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` body (RFC 6749 §3.2) and refuses repeated
 * parameters (§3.1: "Request and response parameters MUST NOT be included more than once").
 */
export async function readFormBody(request: Request): Promise<Map<string, string>> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "The request body must be application/x-www-form-urlencoded");
  }
  const bytes = await readBoundedBytes(
    request,
    MAX_FORM_BYTES,
    () => new OAuthError("invalid_request", "The request body is too large", 413),
  );
  const text = Buffer.from(bytes).toString("utf8");
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (params.has(name))
      throw new OAuthError("invalid_request", `The parameter "${name.slice(0, 40)}" is repeated`);
    params.set(name, value);
  }
  return params;
}

/** Client credentials must never travel in the URL (RFC 6749 §2.3.1). */
export function refuseCredentialsInQuery(request: Request): void {
  const query = new URL(request.url).searchParams;
  for (const name of ["client_secret", "client_id", "client_assertion"]) {
    if (query.has(name))
      throw new OAuthError("invalid_request", "Client credentials must not be sent in the URL");
  }
}
