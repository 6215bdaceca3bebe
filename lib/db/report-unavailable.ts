import { logFor } from "@/lib/log/logger";
import type { DatabaseUnavailableError } from "./errors";

const log = logFor("db");
const QUIET_MS = 1000;

let lastReportAt = 0;
let unreported = 0;

/**
 * Logs that a request was answered 503 because the database could not answer — at most one
 * line a second, with how many more there were: during an outage every request would say so.
 */
export function reportDatabaseUnavailable(
  error: DatabaseUnavailableError | Error,
  surface: string,
  now = Date.now(),
): void {
  if (now - lastReportAt < QUIET_MS) {
    unreported += 1;
    return;
  }
  // What the classification wrapped is what happened; the wrapper only names it.
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const cause = error.name === "DatabaseUnavailableError" && error.cause !== undefined ? error.cause : error;
  log.warn(
    { code, err: cause, surface, alsoAnswered503: unreported },
    "the database is unavailable; answered 503",
  );
  lastReportAt = now;
  unreported = 0;
}
