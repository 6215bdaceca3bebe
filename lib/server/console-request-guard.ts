import type { IncomingMessage, ServerResponse } from "node:http";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/config/server-action-limits";

/**
 * Checks the POSTs that reach console pages — server actions, the console's only writes —
 * before Next sees them, so that a refusal is a clear 4xx with nothing written rather than
 * the 500 Next answers when it throws on them:
 *
 * - 403 unless `Origin` is the console's own origin (AUTH_URL). A cross-site form or fetch,
 *   and `Origin: null` (sandboxed frames, file: pages), cannot drive an administrator's
 *   session. Browsers send Origin on every POST, so a missing one is refused too.
 * - 411 without a Content-Length (a chunked body), 413 when it declares more than the limit.
 *   Node reads exactly the declared length, so no larger body can follow a smaller claim.
 *
 * Paths under /api/ are route handlers with their own rules (Auth.js checks its CSRF token).
 */
const MAX_KIB = SERVER_ACTION_BODY_LIMIT_BYTES / 1024;

function refuse(response: ServerResponse, status: number, title: string, detail: string): true {
  const body = JSON.stringify({ type: "about:blank", title, status, detail });
  response.writeHead(status, {
    "content-type": "application/problem+json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    // The body is left unread; closing keeps it from being parsed as a next request.
    connection: "close",
  });
  response.end(body);
  return true;
}

function isConsolePost(request: IncomingMessage): boolean {
  if (request.method !== "POST") return false;
  const pathname = (request.url ?? "/").split("?", 1)[0] ?? "/";
  return !pathname.startsWith("/api/");
}

/** Answers and returns true when a console POST must not reach Next; false lets it through. */
export function refuseUnsafeConsolePost(
  request: IncomingMessage,
  response: ServerResponse,
  consoleOrigin: string,
): boolean {
  if (!isConsolePost(request)) return false;
  if (request.headers.origin !== new URL(consoleOrigin).origin) {
    return refuse(
      response,
      403,
      "Forbidden",
      "Console changes are accepted only from the console's own pages (the Origin header does not match).",
    );
  }
  const declared = request.headers["content-length"];
  if (declared === undefined) {
    return refuse(response, 411, "Length Required", "A console form must declare its Content-Length.");
  }
  if (Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return refuse(
      response,
      413,
      "Content Too Large",
      `A console form may send at most ${MAX_KIB} KiB; this one declared ${declared} bytes.`,
    );
  }
  return false;
}
