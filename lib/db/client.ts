import fs from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { readConfig } from "@/lib/config/env";
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
    const sql = postgres(config.databaseUrl, {
      max: Number(process.env.LATCHKEY_DB_POOL_SIZE || 10),
      onnotice: () => {},
      connection: { application_name: "latchkey" },
    });
    return { kind: "postgres", db: drizzle(sql, { schema }) as unknown as Database, sql };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!config.dataDir.startsWith("memory://")) {
    // PGlite creates only the last folder of its path.
    fs.mkdirSync(config.dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(
    config.dataDir.startsWith("memory://") ? undefined : `${config.dataDir}/pgdata`,
  );
  return {
    kind: "pglite",
    db: drizzle(pglite, { schema }) as unknown as Database,
    pglite,
    dataDir: config.dataDir,
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
  if (open.kind === "postgres") await open.sql.end({ timeout: 5 });
  else await open.pglite.close();
}
