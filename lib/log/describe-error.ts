import { asDatabaseUnavailable } from "@/lib/db/errors";
import { queryName } from "@/lib/db/query-names";
import { scrubText } from "./scrub-text";

/** What a log line says about an error: never the error object itself. */
export interface ErrorDescription {
  type: string;
  message?: string;
  code?: string;
  /** The failed query's name (a prepared statement's, or verb and table): never its text or values. */
  query?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: ErrorDescription;
}

type Fields = Record<string, unknown>;

const MAX_DEPTH = 4;
const STACK_FRAMES = 12;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** drizzle's wrapper: its message and `params` carry every value the query was sent with. */
function isFailedQuery(error: Fields): error is Fields & { query: string } {
  return typeof error.query === "string" && Array.isArray(error.params);
}

/** An error from PostgreSQL itself (postgres.js's PostgresError, PGlite's DatabaseError). */
function isServerError(error: Fields): boolean {
  return (
    typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === "string"
  );
}

/** Only the frames: the stack's first line repeats the message, which may hold values. */
function framesOf(error: Error): string | undefined {
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, STACK_FRAMES);
  return frames.length > 0 ? scrubText(frames.join("\n")) : undefined;
}

function typeOf(error: object): string {
  const name = (error as Fields).name;
  return text(name) ?? error.constructor?.name ?? "Error";
}

function describeServerError(error: Fields): ErrorDescription {
  // Server messages can quote values ('invalid input syntax for type uuid: "…"'); the code,
  // constraint and table say what happened. Messages of outages are fixed texts: keep those.
  const unavailable = asDatabaseUnavailable(error) !== null;
  return {
    type: "PostgresError",
    code: error.code as string,
    severity: text(error.severity),
    constraint: text(error.constraint_name) ?? text(error.constraint),
    table: text(error.table_name) ?? text(error.table),
    column: text(error.column_name) ?? text(error.column),
    ...(unavailable && typeof error.message === "string" ? { message: scrubText(error.message) } : {}),
  };
}

/** The cause as an Error, where a library wrapped it (Auth.js puts `{ err }` in `cause`). */
function causeOf(error: Fields): unknown {
  const cause = error.cause;
  if (cause && typeof cause === "object" && !(cause instanceof Error)) {
    const wrapped = (cause as Fields).err;
    if (wrapped instanceof Error) return wrapped;
  }
  return cause;
}

/**
 * A log-safe description of any thrown value. Database errors keep their SQLSTATE (or driver
 * code) and the query's name, and lose the query text and parameters (which carry HMAC digests
 * of presented secrets, emails and bodies); every message and stack is scrubbed of secrets.
 */
export function describeError(error: unknown, depth = 0): ErrorDescription {
  if (!error || typeof error !== "object") {
    return { type: typeof error, message: scrubText(String(error)).slice(0, 500) };
  }
  const fields = error as Fields;
  let description: ErrorDescription;
  // PGlite's own error also carries the query and its parameters: the server's error comes first.
  if (isServerError(fields)) {
    description = describeServerError(fields);
  } else if (isFailedQuery(fields)) {
    description = { type: "DatabaseQueryError", query: queryName(fields.query) };
  } else {
    description = {
      type: typeOf(error),
      message: typeof fields.message === "string" ? scrubText(fields.message).slice(0, 2000) : undefined,
      code: text(fields.code),
    };
  }
  if (error instanceof Error) description.stack = framesOf(error);
  const cause = causeOf(fields);
  if (cause !== undefined && depth < MAX_DEPTH) {
    description.cause = describeError(cause, depth + 1);
    // A failed query is logged with the code of what made it fail.
    if (description.type === "DatabaseQueryError") description.code = description.cause.code;
  }
  return description;
}
