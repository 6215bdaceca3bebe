/**
 * Latchkey's server: prepares the database, builds the console when no build exists, and
 * serves everything on one port — machine endpoints directly, the console through Next.
 * LATCHKEY_WORKERS=N runs N processes on that port with node:cluster (PostgreSQL only).
 *
 * `npm start` runs this as `node --import tsx scripts/start.ts`: one process (no tsx CLI in
 * between), so the SIGTERM a supervisor sends reaches the server, which then stops gracefully
 * (lib/server/graceful-shutdown.ts). Everything it logs goes through lib/log as JSON lines
 * (readable lines under `npm run dev`).
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { auditRetentionDays } from "@/lib/audit/audit-retention";
import { watchAuditRetention } from "@/lib/audit/audit-retention-watch";
import { watchSecretGraces } from "@/lib/clients/secret-grace-watch";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { readConfig } from "@/lib/config/env";
import { getInstallationKeyRing } from "@/lib/crypto/installation-keys";
import { getSecretPepper } from "@/lib/crypto/secret-pepper";
import { startDataFlowWorker } from "@/lib/data-flows/queue/data-flow-worker";
import { closeDb, getDb } from "@/lib/db/client";
import { describeSeededAdmins, prepareDatabase } from "@/lib/db/prepare-database";
import type { SeededAdmin } from "@/lib/db/seed/seed-database";
import { watchCredentialLifecycles } from "@/lib/lifecycle/lifecycle-watch";
import { routeConsoleToLog } from "@/lib/log/console-bridge";
import { initLogger, logFor } from "@/lib/log/logger";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { stopGracefullyOnSignals } from "@/lib/server/graceful-shutdown";
import { createRequestListener } from "@/lib/server/request-listener";
import { stopWorkersOnSignals } from "@/lib/server/stop-workers";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

initLogger();
const log = logFor("server");
// Next.js and libraries print with console: through the logger, their errors are described
// (never printed with a failed query's values) and their lines are JSON like ours.
routeConsoleToLog();
process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (error) => {
  log.error({ err: error }, "uncaught exception; exiting");
  process.exit(1);
});

const config = readConfig();
const workers = Number(process.env.LATCHKEY_WORKERS || 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  throw new Error(
    `LATCHKEY_WORKERS must be a whole number from 1 to 64, got "${process.env.LATCHKEY_WORKERS}"`,
  );
}
if (workers > 1 && !config.databaseUrl) {
  throw new Error(
    "LATCHKEY_WORKERS > 1 needs DATABASE_URL: the embedded database allows one process per data folder.",
  );
}
const trustedProxies = parseTrustedProxies(process.env.LATCHKEY_TRUSTED_PROXIES);
// A mistyped allow-list or retention stops the start, rather than the first call or prune.
parseAllowHosts(process.env.LATCHKEY_OUTBOUND_ALLOW_HOSTS);
auditRetentionDays();
// Fail at start, not at the first request, when production lacks a required secret.
ensureAuthSecret(config);
getSecretPepper();
getInstallationKeyRing();
process.env.AUTH_URL ||= `http://localhost:${config.port}`;
const origin = process.env.AUTH_URL.replace(/\/+$/, "");

/** Migrates, seeds, makes the first signing key and builds; returns the administrators seeded. */
async function prepare(): Promise<SeededAdmin[]> {
  const seeded = await prepareDatabase();
  await ensureSigningKey(await getDb());
  if (!dev && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log.info({}, "no production build found; running `next build` once");
    const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  return seeded;
}

function announce(seeded: readonly SeededAdmin[]): void {
  log.info(
    {
      origin,
      database: config.databaseUrl ? "postgresql" : "embedded",
      ...(config.databaseUrl ? {} : { dataDir: config.dataDir }),
      workers,
    },
    `Latchkey is running at ${origin}`,
  );
  if (seeded.length === 0) return;
  log.info(
    { administrators: seeded.map(({ organization, email }) => ({ organization, email })) },
    "administrators created",
  );
  // Generated passwords are shown to the operator this one time (README), on the terminal
  // as plain lines, and never written into a log record.
  if (seeded.some((admin) => admin.generatedPassword)) {
    process.stdout.write(["Administrators created:", ...describeSeededAdmins(seeded), ""].join("\n"));
  }
}

async function serve(): Promise<void> {
  const app = next({
    dev,
    dir: process.cwd(),
    port: config.port,
    hostname: process.env.HOSTNAME || "localhost",
  });
  await app.prepare();
  const server = http.createServer(
    createRequestListener({ next: app.getRequestHandler(), trustedProxies, origin }),
  );
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  stopGracefullyOnSignals(server);
  await new Promise<void>((resolve) =>
    server.listen(config.port, process.env.HOSTNAME || undefined, resolve),
  );
  await startDataFlowWorker();
  watchSecretGraces();
  watchCredentialLifecycles();
  watchAuditRetention();
}

if (workers > 1 && cluster.isPrimary) {
  const seeded = await prepare();
  await closeDb();
  let listening = 0;
  for (let index = 0; index < workers; index += 1) {
    cluster.fork().once("listening", () => {
      listening += 1;
      if (listening === workers) announce(seeded);
    });
  }
  stopWorkersOnSignals(workers);
} else if (workers > 1) {
  await serve();
} else {
  const seeded = await prepare();
  await serve();
  announce(seeded);
}
