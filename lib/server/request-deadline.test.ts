import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { basicAuth, createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { createRequestListener } from "./request-listener";

const databaseUrl = readConfig().databaseUrl;
const TITLE = "PostgreSQL that does not answer";

describe.skipIf(!databaseUrl)(
  databaseUrl
    ? TITLE
    : `${TITLE} (skipped: needs DATABASE_URL; the embedded database has one connection, none to lock it)`,
  () => {
    it("sets bounded timeouts and Latchkey's name on every pooled connection", async () => {
      const rows = (await (
        await getDb()
      ).execute(sql`
        select current_setting('statement_timeout') as statement,
               current_setting('lock_timeout') as lock,
               current_setting('idle_in_transaction_session_timeout') as idle,
               current_setting('application_name') as name`)) as unknown as Array<Record<string, string>>;
      expect(rows[0]).toEqual({ statement: "10s", lock: "5s", idle: "1min", name: "latchkey" });
    });

    it("answers 503 temporarily_unavailable when a request outlives the server's deadline", async () => {
      const { client, secret } = await createTenantWithClient();
      const server = http.createServer(
        createRequestListener({
          next: (_request, response) => {
            response.end();
          },
          trustedProxies: parseTrustedProxies(undefined),
          origin: "http://localhost",
          deadlineMs: 300,
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const locker = postgres(databaseUrl ?? "", { max: 1, onnotice: () => {} });
      try {
        // Another session holds the clients table: every lookup of a client waits.
        const release = await new Promise<() => void>((resolve) => {
          void locker.begin(async (tx) => {
            await tx`lock table api_clients in access exclusive mode`;
            await new Promise<void>((unlock) => resolve(unlock));
          });
        });
        try {
          const response = await fetch(
            `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/oauth/token`,
            {
              method: "POST",
              headers: {
                authorization: basicAuth(client.clientId, secret),
                "content-type": "application/x-www-form-urlencoded",
              },
              body: "grant_type=client_credentials",
            },
          );
          expect(response.status).toBe(503);
          expect(response.headers.get("retry-after")).toBe("2");
          expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
        } finally {
          release();
        }
      } finally {
        await locker.end();
        server.close();
      }
    });
  },
);
