/**
 * A Latchkey server for process tests: the real request listener, direct endpoints, database
 * and graceful shutdown (lib/server/graceful-shutdown.ts) — the very code scripts/start.ts runs —
 * with a stand-in for Next (building Next would take minutes). Run as
 * `node --import tsx lib/testing/shutdown-test-server.ts` on a fresh database (DATABASE_URL, or
 * LATCHKEY_DATA_DIR for the embedded one). It migrates, makes an organization with an API
 * client, listens on a free port and says `{ ready: { port, pid, clientId, secret } }`; when it
 * stops it says `{ stopped: { code, batchedWrites } }` and exits with that code. It says so over
 * its IPC channel when it has one, otherwise as a JSON line on stdout (without the secret: under
 * `npm start` stdout is shared). Never imported by app code.
 *
 * The stand-in console answers `/slow` after LATCHKEY_TEST_SLOW_MS (default 1500 ms), so a test
 * can hold a request in flight across the shutdown; LATCHKEY_TEST_LINGER_MS sets how long idle
 * connections are left open once it stops.
 */
import "@/lib/testing/test-secret-pepper";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { stopGracefullyOnSignals } from "@/lib/server/graceful-shutdown";
import { createRequestListener } from "@/lib/server/request-listener";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { batchedWriteStats } from "@/lib/usage/batched-writer";

await migrateDatabase();
await ensureSigningKey(await getDb());
const { client, secret } = await createTenantWithClient(["cases:read"]);

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

function say(message: Record<string, unknown>, then?: () => void) {
  if (process.send) process.send(message, () => then?.());
  else {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    then?.();
  }
}

stopGracefullyOnSignals(server, {
  lingerMs: process.env.LATCHKEY_TEST_LINGER_MS ? Number(process.env.LATCHKEY_TEST_LINGER_MS) : undefined,
  exit: (code) => say({ stopped: { code, batchedWrites: batchedWriteStats() } }, () => process.exit(code)),
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  const ready = { port, pid: process.pid, clientId: client.clientId };
  say({ ready: process.send ? { ...ready, secret } : ready });
});
