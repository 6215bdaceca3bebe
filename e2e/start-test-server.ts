/**
 * Playwright's web server: the production server (`scripts/start.ts`) on a database made for
 * this run alone, removed again when the server stops.
 *
 * - With DATABASE_URL set, a new database is created on that server and dropped afterwards.
 * - Without it, the embedded database lives in a new temporary folder, deleted afterwards.
 *
 * Playwright sends SIGTERM to the whole process group (see `gracefulShutdown` in
 * playwright.config.ts), so the server shuts down by itself; this process waits for it,
 * then cleans up. What a run killed outright left behind, the next run removes. The server
 * is started as `node_modules/.bin/tsx scripts/start.ts`, never through npx, so that no
 * stray process outlives the run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { INSTANCE_SECRETS } from "@/lib/config/instance-secret";

interface FreshDatabase {
  env: Record<string, string>;
  description: string;
  remove: () => Promise<void>;
}

/**
 * In production on a database server, every installation-wide secret (each caller of
 * loadInstanceSecret in lib/) must come from the environment; embedded mode keeps generated
 * ones in its data folder. Fresh ones per run, unless the caller's environment has them.
 */
const INSTANCE_SECRET_NAMES = Object.values(INSTANCE_SECRETS).map((secret) => secret.envName);

function instanceSecrets(): Record<string, string> {
  return Object.fromEntries(
    INSTANCE_SECRET_NAMES.map((name) => [name, process.env[name] || randomBytes(32).toString("base64url")]),
  );
}

/** Whether a process of this machine is still running (a reused pid errs on the safe side). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Names carry this process's pid, so that a later run can tell what a run killed outright
// (SIGKILL, a crash) left behind: anything whose process is gone.
const DATABASE_NAME = /^latchkey_e2e_(\d+)_\d+$/;
const FOLDER_NAME = /^latchkey-e2e-(\d+)-/;

async function createServerDatabase(serverUrl: string): Promise<FreshDatabase> {
  const name = `latchkey_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const idle = await admin<{ datname: string }[]>`
      select datname from pg_database d
      where datname like 'latchkey\_e2e\_%'
        and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`;
    for (const { datname } of idle) {
      const owner = DATABASE_NAME.exec(datname)?.[1];
      if (owner && !isRunning(Number(owner))) {
        await admin.unsafe(`drop database if exists "${datname}"`).catch(() => {});
      }
    }
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ...instanceSecrets() },
    description: `database ${name} on ${url.host}`,
    remove: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

function createEmbeddedDatabase(): FreshDatabase {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    const owner = FOLDER_NAME.exec(entry)?.[1];
    if (owner && !isRunning(Number(owner)))
      fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
  const folder = fs.mkdtempSync(path.join(tmp, `latchkey-e2e-${process.pid}-`));
  const dataDir = path.join(folder, "data");
  return {
    env: { LATCHKEY_DATA_DIR: dataDir },
    description: `embedded database in ${dataDir}`,
    remove: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

const serverUrl = process.env.DATABASE_URL;
const database = serverUrl ? await createServerDatabase(serverUrl) : createEmbeddedDatabase();
console.log(`e2e server: fresh ${database.description}`);

const server: ChildProcess = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, ...database.env },
});

let signalled = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    // Usually the server got the signal too (same process group); this covers a signal sent to us alone.
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on("exit", async (code, signal) => {
  try {
    await database.remove();
  } catch (error) {
    console.error(`e2e server: could not remove the ${database.description}:`, error);
  }
  process.exit(code ?? (signal && !signalled ? 1 : 0));
});
