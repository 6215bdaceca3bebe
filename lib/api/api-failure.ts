import { asDatabaseUnavailable } from "@/lib/db/errors";
import { reportDatabaseUnavailable } from "@/lib/db/report-unavailable";
import { serviceUnavailableResponse } from "@/lib/http/problem";
import { logFor } from "@/lib/log/logger";
import { ApiProblem, internalErrorProblem } from "./api-problem";

const log = logFor("api");

/**
 * The resource APIs' answer to anything thrown while serving a request: a problem raised on
 * purpose is its own response; database trouble is 503 with Retry-After (never a 401: nothing
 * about the caller's credentials was decided); anything else is a bug, logged and answered 500.
 */
export function apiFailureResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiProblem) return error.toResponse();
  const unavailable = asDatabaseUnavailable(error);
  if (unavailable) {
    reportDatabaseUnavailable(unavailable, "api");
    return serviceUnavailableResponse();
  }
  log.error(
    { err: error, method: request.method, path: new URL(request.url).pathname },
    "resource API request failed",
  );
  return internalErrorProblem().toResponse();
}
