import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { readConfig } from "@/lib/config/env";
import { boundedSql } from "./bounded-sql";
import { type DatabaseTimeouts, databaseTimeouts } from "./database-timeouts";
import { rememberPreparedQueryNames } from "./query-names";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain functions accept both. */
export type Executor = Database | Transaction;

type Connection =
  | { kind: "postgres"; db: Database; sql: Sql }
  | { kind: "pglite"; db: Database; pglite: PGlite; dataDir: string };

/**
 * One connection per process. It lives on globalThis so that every copy of this module
 * (the start script, Next's server bundle, hot reloads under `next dev`) shares it;
 * two PGlite instances on one data folder would silently lose writes.
 */
const CONNECTION_KEY = Symbol.for("latchkey.db.connection");
type GlobalWithConnection = typeof globalThis & { [CONNECTION_KEY]?: Promise<Connection> };
const globalStore = globalThis as GlobalWithConnection;

async function openConnection(): Promise<Connection> {
  const config = readConfig();
  if (config.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const timeouts = databaseTimeouts();
    const sql = postgres(config.databaseUrl, {
      max: Number(process.env.LATCHKEY_DB_POOL_SIZE || 10),
      onnotice: () => {},
      ...driverTimeouts(timeouts),
      // Startup without the array-type query: the schema has no PostgreSQL arrays (a test keeps
      // it so), and a connection cut during that query is where postgres.js 3.4.9 replays the
      // error onto the next query and raises an unhandled rejection (porsager/postgres#1223).
      fetch_types: false,
      connection: {
        application_name: "latchkey",
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      },
    });
    const db = drizzle(boundedSql(sql, timeouts.queryDeadlineMs), { schema }) as unknown as Database;
    rememberPreparedQueryNames(db);
    return { kind: "postgres", db, sql };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  // The audit log's substring search needs trigram indexes (drizzle/0010_audit_log_indexes.sql).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!config.dataDir.startsWith("memory://")) {
    // PGlite creates only the last folder of its path.
    fs.mkdirSync(config.dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(
    config.dataDir.startsWith("memory://") ? undefined : `${config.dataDir}/pgdata`,
    { extensions: { pg_trgm } },
  );
  const db = drizzle(pglite, { schema }) as unknown as Database;
  rememberPreparedQueryNames(db);
  return { kind: "pglite", db, pglite, dataDir: config.dataDir };
}

/** postgres.js takes seconds. */
function driverTimeouts(timeouts: DatabaseTimeouts) {
  return {
    connect_timeout: timeouts.connectMs / 1000,
    idle_timeout: timeouts.idleMs / 1000,
    // Spread over 30–60 minutes, as the driver's default, so the pool does not renew at once.
    max_lifetime: (timeouts.maxLifetimeMs / 1000) * (1 + Math.random()),
    // The driver's default waits up to 20 s between reconnects once a few connections have
    // failed, and its count is shared by the pool: after a burst of terminated backends every
    // request stalled that long. Retry within a second instead (with jitter); a server that is
    // really down costs a few refused connections a second.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
  };
}

export function getConnection(): Promise<Connection> {
  let connection = globalStore[CONNECTION_KEY];
  if (!connection) {
    connection = openConnection();
    globalStore[CONNECTION_KEY] = connection;
    connection.catch(() => {
      delete globalStore[CONNECTION_KEY];
    });
  }
  return connection;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const connection = globalStore[CONNECTION_KEY];
  if (!connection) return;
  delete globalStore[CONNECTION_KEY];
  const open = await connection;
  if (open.kind === "pglite") {
    await open.pglite.close();
    return;
  }
  // end() gives queries 5 s, then closes; after a cut connection it can also wait forever
  // (porsager/postgres#1097), so it gets a second more and no longer.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    open.sql.end({ timeout: 5 }),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 6_000);
    }),
  ]);
  clearTimeout(timer);
}
