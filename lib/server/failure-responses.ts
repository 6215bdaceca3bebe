import { asDatabaseUnavailable } from "@/lib/db/errors";
import { reportDatabaseUnavailable } from "@/lib/db/report-unavailable";
import { problemResponse, serviceUnavailableResponse } from "@/lib/http/problem";
import { temporarilyUnavailableResponse } from "@/lib/oauth/oauth-error";

/** A direct handler that took longer than the server's request deadline to answer. */
export class RequestDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`The request was not answered within ${deadlineMs} ms`);
    this.name = "RequestDeadlineError";
  }
}

function isOAuthPath(pathname: string): boolean {
  return pathname.startsWith("/api/oauth/") || pathname.startsWith("/.well-known/");
}

/**
 * The server's last word on a request its handler did not answer: 503 with Retry-After when
 * the database could not answer or the deadline passed — in the endpoint's own error shape
 * (OAuth `temporarily_unavailable`, otherwise problem+json) — and 500 for anything else.
 * Null when the failure is not one to answer 503 for (the caller logs it as a bug).
 */
export function unavailableResponseFor(error: unknown, pathname: string): Response | null {
  const unavailable = error instanceof RequestDeadlineError ? error : asDatabaseUnavailable(error);
  if (!unavailable) return null;
  reportDatabaseUnavailable(unavailable, "server");
  return isOAuthPath(pathname) ? temporarilyUnavailableResponse() : serviceUnavailableResponse();
}

export function internalErrorResponse(): Response {
  return problemResponse(500, "Internal Server Error");
}
