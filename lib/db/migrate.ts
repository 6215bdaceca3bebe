import path from "node:path";
import { count } from "drizzle-orm";
import { integer, pgSchema, serial, text } from "drizzle-orm/pg-core";
import { readConfig } from "@/lib/config/env";
import { getConnection } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** drizzle's own bookkeeping table, read to tell whether migrations are current. */
const drizzleSchema = pgSchema("drizzle");
const appliedMigrations = drizzleSchema.table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: integer("created_at"),
});

/** An arbitrary constant: the advisory lock that serializes migrations between processes. */
const MIGRATION_LOCK_KEY = 7_402_131;

export async function migrateDatabase(): Promise<void> {
  const connection = await getConnection();
  if (connection.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // Several processes may start together against one server: one migrates, the others wait.
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { default: postgres } = await import("postgres");
  const { databaseUrl } = readConfig();
  const single = postgres(databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(single), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await single.end({ timeout: 5 });
  }
}

export async function expectedMigrationCount(): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const journal = JSON.parse(
    await readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(): Promise<number> {
  const { db } = await getConnection();
  const [row] = await db.select({ applied: count() }).from(appliedMigrations);
  return row?.applied ?? 0;
}
