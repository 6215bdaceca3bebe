/**
 * Latchkey's server: prepares the database, builds the console when no build exists,
 * decides each request's client address once, and serves everything on one port.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { readConfig } from "@/lib/config/env";
import { getSecretPepper } from "@/lib/crypto/secret-pepper";
import { closeDb, getDb } from "@/lib/db/client";
import { describeSeededAdmins, prepareDatabase } from "@/lib/db/prepare-database";
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDING_HEADERS,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/net/client-address";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { flushAllWriters } from "@/lib/usage/batched-writer";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const config = readConfig();
const trustedProxies = parseTrustedProxies(process.env.LATCHKEY_TRUSTED_PROXIES);
ensureAuthSecret(config);
// Fail at start, not at the first API call, when production lacks the pepper.
getSecretPepper();
process.env.AUTH_URL ||= `http://localhost:${config.port}`;

const seeded = await prepareDatabase();
await ensureSigningKey(await getDb());

if (!dev && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.log("No production build found; running `next build` once…");
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const app = next({
  dev,
  dir: process.cwd(),
  port: config.port,
  hostname: process.env.HOSTNAME || "localhost",
});
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const forwardedFor = request.headers["x-forwarded-for"];
  const clientAddress = resolveClientAddress(
    request.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    trustedProxies,
  );
  // Whatever a client claimed, everything downstream reads only the address decided here.
  for (const header of FORWARDING_HEADERS) delete request.headers[header];
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress;
  request.headers["x-forwarded-for"] = clientAddress;
  void handle(request, response);
});
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 60_000;

server.listen(config.port, process.env.HOSTNAME || undefined, () => {
  const lines = [
    `Latchkey is running at ${process.env.AUTH_URL} (${config.databaseUrl ? "PostgreSQL" : `embedded database in ${config.dataDir}`})`,
  ];
  if (seeded.length > 0) lines.push("Administrators created:", ...describeSeededAdmins(seeded));
  console.log(lines.join("\n"));
});

let stopping = false;
function shutdown(signal: string) {
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
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
