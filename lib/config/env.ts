import path from "node:path";

/**
 * Runtime configuration, read from the environment once per process.
 * Every variable is documented in the README's configuration table.
 */
export interface LatchkeyConfig {
  /** PostgreSQL connection string; when absent Latchkey runs on embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database and generated secrets; `memory://` keeps PGlite in memory. */
  dataDir: string;
  port: number;
  adminEmail: string;
  adminPassword: string | undefined;
  production: boolean;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): LatchkeyConfig {
  const dataDir = env.LATCHKEY_DATA_DIR || ".data";
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDir.startsWith("memory://") ? dataDir : path.resolve(/*turbopackIgnore: true*/ dataDir),
    port: readPort(env.PORT),
    adminEmail: (env.LATCHKEY_ADMIN_EMAIL || "admin@example.com").trim().toLowerCase(),
    adminPassword: env.LATCHKEY_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === "production",
  };
}
