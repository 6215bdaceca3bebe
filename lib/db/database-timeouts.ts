/** How long anything that waits on PostgreSQL may wait. Every value is in milliseconds. */
export interface DatabaseTimeouts {
  /** Opening a connection (TCP, TLS, authentication). */
  connectMs: number;
  /** PostgreSQL's statement_timeout: the server cancels a statement running longer. */
  statementMs: number;
  /** PostgreSQL's lock_timeout: waiting for a row or table lock. */
  lockMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left open by a lost client. */
  idleInTransactionMs: number;
  /** Latchkey's own bound on one query, waiting for a pooled connection included. */
  queryDeadlineMs: number;
  /** An unused pooled connection is closed after this long. */
  idleMs: number;
  /** A pooled connection is renewed after between this and twice this. */
  maxLifetimeMs: number;
}

function readMilliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3_600_000) {
    throw new Error(`${name} must be a whole number of milliseconds from 1 to 3600000, got "${raw}"`);
  }
  return value;
}

/** The timeouts in force, from LATCHKEY_DB_*_MS (see the README's configuration table). */
export function databaseTimeouts(env: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  const connectMs = readMilliseconds(env, "LATCHKEY_DB_CONNECT_TIMEOUT_MS", 5_000);
  const statementMs = readMilliseconds(env, "LATCHKEY_DB_STATEMENT_TIMEOUT_MS", 10_000);
  return {
    connectMs,
    statementMs,
    lockMs: Math.min(5_000, statementMs),
    idleInTransactionMs: 60_000,
    // A query may wait for a connection to open, then run for as long as the server allows.
    queryDeadlineMs: readMilliseconds(env, "LATCHKEY_DB_QUERY_DEADLINE_MS", connectMs + statementMs),
    idleMs: 60_000,
    maxLifetimeMs: 30 * 60_000,
  };
}
