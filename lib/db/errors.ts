/** PostgreSQL's SQLSTATE for a unique constraint violation. */
const UNIQUE_VIOLATION = "23505";

interface DatabaseError {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  cause?: unknown;
}

/** The error and what it wraps (drizzle wraps the driver's error in `cause`), outermost first. */
export function errorChain(error: unknown, maxDepth = 6): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  while (chain.length < maxDepth && current && typeof current === "object" && !chain.includes(current)) {
    chain.push(current);
    current = (current as DatabaseError).cause;
  }
  return chain;
}

/** True when the error (or what it wraps) is a unique violation, optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (const candidate of errorChain(error, 4) as DatabaseError[]) {
    if (candidate.code === UNIQUE_VIOLATION) {
      const name = candidate.constraint_name ?? candidate.constraint;
      return constraint === undefined || name === constraint;
    }
  }
  return false;
}

/**
 * The database could not answer: the connection failed or was cut, the server is shutting down
 * or out of connections, a statement ran past its timeout, or the driver lost track of a query.
 * Nothing about the request was decided, so every surface answers 503 with Retry-After — never
 * a credential refusal, never a counted authentication failure.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    /** A SQLSTATE or driver code ("57P01", "CONNECTION_CLOSED", "QUERY_DEADLINE"). */
    readonly code: string,
    message = "The database is unavailable",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * SQLSTATEs that say "not now" rather than "not so": connection exceptions (08), insufficient
 * resources such as too many connections (53), operator intervention — shutdown, a cancelled
 * or timed-out statement (57), system errors (58), the server refusing our credentials or
 * database (28, 3D: a configuration fault, still nothing the caller did), lock and idle timeouts,
 * and the transaction conflicts a retry resolves (40001, 40P01).
 */
const UNAVAILABLE_CLASSES = ["08", "28", "3D", "53", "57", "58"];
const UNAVAILABLE_CODES = new Set(["40001", "40P01", "55P03", "25P03"]);

/** postgres.js's own codes and the socket errors a lost or refused connection raises. */
const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

function isSqlState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code);
}

/** The code that makes one link of the chain an unavailability, or null. */
function unavailableCode(candidate: object): string | null {
  if (candidate instanceof DatabaseUnavailableError) return candidate.code;
  const code = (candidate as DatabaseError).code;
  if (typeof code === "string") {
    if (DRIVER_CODES.has(code)) return code;
    if (isSqlState(code) && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2))))
      return code;
  }
  // The embedded database: closed (at shutdown), or its WebAssembly instance broke.
  const message = candidate instanceof Error ? candidate.message : "";
  if (message === "PGlite is closed" || message === "PGlite is closing") return "PGLITE_CLOSED";
  if (candidate instanceof WebAssembly.RuntimeError) return "PGLITE_ABORTED";
  return null;
}

/**
 * The one classification of database trouble: the error as a DatabaseUnavailableError when it
 * (or anything it wraps) says the database could not answer, otherwise null. Constraint
 * violations, syntax errors and the like stay what they are: bugs or bad input, not outages.
 */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  for (const candidate of errorChain(error)) {
    if (candidate instanceof DatabaseUnavailableError) return candidate;
    const code = unavailableCode(candidate);
    if (code) return new DatabaseUnavailableError(code, "The database is unavailable", { cause: error });
  }
  return null;
}

/** How long a caller should wait before trying again after a 503 for database trouble. */
export const RETRY_AFTER_SECONDS = 2;
