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
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_FORM_BYTES)
    throw new OAuthError("invalid_request", "The request body is too large", 413);
  const text = await readBoundedText(request, MAX_FORM_BYTES);
  const params = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (params.has(name))
      throw new OAuthError("invalid_request", `The parameter "${name.slice(0, 40)}" is repeated`);
    params.set(name, value);
  }
  return params;
}

async function readBoundedText(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new OAuthError("invalid_request", "The request body is too large", 413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Client credentials must never travel in the URL (RFC 6749 §2.3.1). */
export function refuseCredentialsInQuery(request: Request): void {
  const query = new URL(request.url).searchParams;
  for (const name of ["client_secret", "client_id", "client_assertion"]) {
    if (query.has(name))
      throw new OAuthError("invalid_request", "Client credentials must not be sent in the URL");
  }
}
