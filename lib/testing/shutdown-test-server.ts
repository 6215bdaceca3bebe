/**
 * A Latchkey server for process tests: the real request listener, direct endpoints, database
 * and graceful shutdown (lib/server/graceful-shutdown.ts, stop-workers.ts) — the very code
 * scripts/start.ts runs — with a stand-in for Next (building Next would take minutes). Run as
 * `node --import tsx lib/testing/shutdown-test-server.ts` on a fresh database (DATABASE_URL, or
 * LATCHKEY_DATA_DIR for the embedded one). It migrates, makes an organization with an API
 * client, listens on a free port and says `{ ready: { port, pid, clientId, secret } }`; when it
 * stops it says `{ stopped: { code, pid, batchedWrites, usage } }` and exits with that code. It says so
 * over its IPC channel when it has one, otherwise as a JSON line on stdout (without the secret:
 * under `npm start` stdout is shared). Never imported by app code.
 *
 * LATCHKEY_TEST_WORKERS=N (PostgreSQL) runs N workers with node:cluster as LATCHKEY_WORKERS
 * does: the primary says `ready` once every worker listens (with the workers' pids), and one
 * `stopped` per worker, then exits as the server's primary would.
 *
 * The stand-in console answers `/slow` after LATCHKEY_TEST_SLOW_MS (default 1500 ms), so a test
 * can hold a request in flight across the shutdown; LATCHKEY_TEST_LINGER_MS sets how long idle
 * connections are left open once it stops; LATCHKEY_TEST_USAGE_FLUSH_MS how often usage counts
 * are handed to their writer (lib/usage/record-usage.ts).
 */
import "@/lib/testing/test-secret-pepper";
import cluster from "node:cluster";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { stopGracefullyOnSignals } from "@/lib/server/graceful-shutdown";
import { createRequestListener } from "@/lib/server/request-listener";
import { stopWorkersOnSignals } from "@/lib/server/stop-workers";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { batchedWriteStats } from "@/lib/usage/batched-writer";
import { setUsageFlushInterval, usageStats } from "@/lib/usage/record-usage";

type Message = Record<string, unknown>;

/** To the test: over IPC when spawned with it (the test's own channel), else a stdout line. */
function say(message: Message, then?: () => void) {
  if (process.send && !cluster.isWorker) process.send(message, () => then?.());
  else {
    // Synchronous on a pipe: nothing is lost to a process.exit that follows.
    process.stdout.write(`${JSON.stringify(message)}\n`);
    then?.();
  }
}

async function prepareTenant() {
  await migrateDatabase();
  await ensureSigningKey(await getDb());
  const { client, secret } = await createTenantWithClient(["cases:read"]);
  return { clientId: client.clientId, secret };
}

// A test that wants the shutdown alone to hand usage counts over sets a long interval.
if (process.env.LATCHKEY_TEST_USAGE_FLUSH_MS)
  setUsageFlushInterval(Number(process.env.LATCHKEY_TEST_USAGE_FLUSH_MS));

function createServer(): http.Server {
  const slowMs = Number(process.env.LATCHKEY_TEST_SLOW_MS || 1500);
  const server = http.createServer(
    createRequestListener({
      trustedProxies: parseTrustedProxies(undefined),
      origin: "http://localhost",
      next: (request, response) => {
        const answer = () => {
          response.writeHead(200, { "content-type": "text/plain" });
          response.end("console");
        };
        if (request.url === "/slow") setTimeout(answer, slowMs);
        else answer();
      },
    }),
  );
  server.keepAliveTimeout = 65_000;
  return server;
}

/** One server process: alone, or a cluster worker (which reports to the primary). */
async function serve(tenant: { clientId: string; secret: string }) {
  const server = createServer();
  const report = (message: Message, then?: () => void) => {
    if (cluster.isWorker && process.send) process.send(message, () => then?.());
    else say(message, then);
  };
  stopGracefullyOnSignals(server, {
    lingerMs: process.env.LATCHKEY_TEST_LINGER_MS ? Number(process.env.LATCHKEY_TEST_LINGER_MS) : undefined,
    exit: (code) =>
      report(
        { stopped: { code, pid: process.pid, batchedWrites: batchedWriteStats(), usage: usageStats() } },
        () => process.exit(code),
      ),
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    const ready = { port, pid: process.pid, clientId: tenant.clientId };
    report({ ready: process.send ? { ...ready, secret: tenant.secret } : ready });
  });
}

/** The cluster primary: prepares once, forks, relays what its workers say, stops them on signals. */
async function primary(workers: number) {
  const tenant = await prepareTenant();
  await closeDb();
  const ready: Array<{ port: number; pid: number }> = [];
  for (let index = 0; index < workers; index += 1) {
    const worker = cluster.fork({ LATCHKEY_TEST_TENANT: JSON.stringify(tenant) });
    worker.on("message", (message: Message) => {
      if (message.stopped) say(message);
      const workerReady = message.ready as { port: number; pid: number } | undefined;
      if (!workerReady) return;
      ready.push(workerReady);
      if (ready.length === workers) {
        say({
          ready: { ...tenant, port: workerReady.port, pid: process.pid, workers: ready.map((w) => w.pid) },
        });
      }
    });
  }
  stopWorkersOnSignals(workers);
}

const workers = Number(process.env.LATCHKEY_TEST_WORKERS || 1);
if (cluster.isPrimary && workers > 1) await primary(workers);
else
  await serve(
    cluster.isWorker ? JSON.parse(process.env.LATCHKEY_TEST_TENANT ?? "{}") : await prepareTenant(),
  );
