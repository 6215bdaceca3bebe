/**
 * Latchkey's server: prepares the database, builds the console when no build exists, and
 * serves everything on one port — machine endpoints directly, the console through Next.
 * LATCHKEY_WORKERS=N runs N processes on that port with node:cluster (PostgreSQL only).
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { readConfig } from "@/lib/config/env";
import { getEncryptionKey } from "@/lib/crypto/envelope-encryption";
import { getSecretPepper } from "@/lib/crypto/secret-pepper";
import { closeDb, getDb } from "@/lib/db/client";
import { describeSeededAdmins, prepareDatabase } from "@/lib/db/prepare-database";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { createRequestListener } from "@/lib/server/request-listener";
import { flushAllWriters } from "@/lib/usage/batched-writer";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

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
// A mistyped allow-list stops the start, rather than the first outbound call.
parseAllowHosts(process.env.LATCHKEY_OUTBOUND_ALLOW_HOSTS);
// Fail at start, not at the first request, when production lacks a required secret.
ensureAuthSecret(config);
getSecretPepper();
getEncryptionKey();
process.env.AUTH_URL ||= `http://localhost:${config.port}`;
const origin = process.env.AUTH_URL.replace(/\/+$/, "");

/** Migrates, seeds, makes the first signing key and builds; returns the start-up message. */
async function prepare(): Promise<string> {
  const seeded = await prepareDatabase();
  await ensureSigningKey(await getDb());
  if (!dev && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("No production build found; running `next build` once…");
    const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const lines = [
    `Latchkey is running at ${origin} (${config.databaseUrl ? "PostgreSQL" : `embedded database in ${config.dataDir}`}${workers > 1 ? `, ${workers} workers` : ""})`,
  ];
  if (seeded.length > 0) lines.push("Administrators created:", ...describeSeededAdmins(seeded));
  return lines.join("\n");
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
  await new Promise<void>((resolve) =>
    server.listen(config.port, process.env.HOSTNAME || undefined, resolve),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received; finishing in-flight requests…`);
    server.close(async () => {
      await flushAllWriters();
      await closeDb();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (workers > 1 && cluster.isPrimary) {
  const message = await prepare();
  await closeDb();
  let listening = 0;
  for (let index = 0; index < workers; index += 1) {
    cluster.fork().once("listening", () => {
      listening += 1;
      if (listening === workers) console.log(message);
    });
  }
  let stopping = false;
  const stopWorkers = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stopWorkers("SIGTERM"));
  process.on("SIGINT", () => stopWorkers("SIGINT"));
  // A worker that dies unasked is replaced, unless workers keep dying (then something is wrong).
  const recentDeaths: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length > 0 && (recentDeaths[0] ?? now) < now - 60_000) recentDeaths.shift();
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}).`);
    if (recentDeaths.length > workers * 3) {
      console.error("Workers keep exiting; stopping.");
      stopWorkers("SIGTERM");
      return;
    }
    cluster.fork();
  });
} else if (workers > 1) {
  await serve();
} else {
  const message = await prepare();
  await serve();
  console.log(message);
}
