import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { and, count, eq } from "drizzle-orm";
import postgres from "postgres";
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setClientRequestRate } from "@/lib/clients/set-client-request-rate";
import { readConfig } from "@/lib/config/env";
import { closeDb, getDb } from "@/lib/db/client";
import { apiRequestLog } from "@/lib/db/schema";
import { MAX_REQUESTS_PER_MINUTE } from "@/lib/limits/limit-catalogue";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";
import { basicAuth, createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { batchedWriteStats, flushAllWriters } from "@/lib/usage/batched-writer";
import { createRequestListener } from "./request-listener";

const databaseUrl = readConfig().databaseUrl;

/** Short bounds, so that anything left hanging shows within the test. */
const TEST_TIMEOUTS = {
  LATCHKEY_DB_CONNECT_TIMEOUT_MS: "1000",
  LATCHKEY_DB_STATEMENT_TIMEOUT_MS: "2000",
  LATCHKEY_DB_QUERY_DEADLINE_MS: "3000",
};
const REQUEST_DEADLINE_MS = 5_000;
/** A request without an answer after this long never got one. */
const UNANSWERED_MS = 20_000;
const LOAD_MS = 6_000;

interface Answer {
  kind: "token" | "cases" | "health";
  status: number | "UNANSWERED" | string;
  retryAfter?: string;
  body: string;
}

function call(
  base: string,
  agent: http.Agent,
  kind: Answer["kind"],
  request: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      `${base}${request.path}`,
      { method: request.method, headers: request.headers, agent, timeout: UNANSWERED_MS },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({
            kind,
            status: response.statusCode ?? 0,
            retryAfter: response.headers["retry-after"],
            body,
          }),
        );
      },
    );
    outgoing.on("timeout", () => {
      outgoing.destroy();
      resolve({ kind, status: "UNANSWERED", body: "" });
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ kind, status: error.code ?? "ERROR", body: "" }),
    );
    outgoing.end(request.body);
  });
}

/**
 * PostgreSQL's backends cut under load, as an operator's pg_terminate_backend, a failover or a
 * restart would: every request must still be answered, with 200 or 503 — never 500, never a
 * 401 for credentials that are valid — no failed authentication may be counted, and every
 * batched API-log row must end up written or counted as dropped.
 */
const TITLE = "the server while PostgreSQL connections are terminated";
describe.skipIf(!databaseUrl)(
  databaseUrl
    ? TITLE
    : `${TITLE} (skipped: needs DATABASE_URL; the embedded database has no connections to cut)`,
  () => {
    const savedEnv: Record<string, string | undefined> = {};
    // Reopen the pool with short bounds; restored (and reopened lazily) afterwards. The bounds
    // change before the pool closes, each way: a batched writer flushing in the background may
    // reopen it at any moment, and must get the bounds in force.
    beforeAll(async () => {
      for (const [name, value] of Object.entries(TEST_TIMEOUTS)) {
        savedEnv[name] = process.env[name];
        process.env[name] = value;
      }
      await closeDb();
    });
    afterAll(async () => {
      for (const [name, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await closeDb();
    });

    it("answers every request 200 or 503, counts no failure, and accounts for every log row", async () => {
      const db = await getDb();
      await ensureSigningKey(db);
      const tenant = await createTenantWithClient(["cases:read"]);
      const { client, secret } = tenant;
      // The loops call far more often than a client's default request rate allows.
      await setClientRequestRate(db, tenant.organizationId, tenant.actor, {
        clientId: client.clientId,
        requestsPerMinute: MAX_REQUESTS_PER_MINUTE,
      });
      // Failure budgets are spent through the counter store's penalty(); request rates too.
      const penalty = vi.spyOn(RateLimiterDrizzle.prototype, "penalty");
      const failuresCounted = () =>
        penalty.mock.contexts.filter(
          (limiter) =>
            !String((limiter as { keyPrefix?: string } | undefined)?.keyPrefix ?? "").startsWith(
              "lk:apiRequests",
            ),
        ).length;
      const statsBefore = batchedWriteStats()["api-request-log"] ?? { written: 0, dropped: 0 };

      const server = http.createServer(
        createRequestListener({
          next: (_request, response) => {
            response.end();
          },
          trustedProxies: parseTrustedProxies(undefined),
          origin: "http://localhost",
          deadlineMs: REQUEST_DEADLINE_MS,
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
      const killer = postgres(databaseUrl ?? "", {
        max: 1,
        onnotice: () => {},
        connection: { application_name: "latchkey-test-killer" },
      });

      const requests = {
        token: {
          method: "POST",
          path: "/api/oauth/token",
          headers: {
            authorization: basicAuth(client.clientId, secret),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: "grant_type=client_credentials",
        },
        cases: {
          method: "GET",
          path: "/api/v1/cases",
          headers: { "api-key": client.clientId, "api-secret": secret },
        },
        health: { method: "GET", path: "/api/health" },
      } as const;
      const kinds: Answer["kind"][] = ["token", "cases", "token", "cases", "health"];
      const answers: Answer[] = [];
      let loading = true;
      const loops = Array.from({ length: 15 }, async (_, index) => {
        const kind = kinds[index % kinds.length] ?? "token";
        while (loading) answers.push(await call(base, agent, kind, requests[kind]));
      });
      let terminated = 0;
      const kills = (async () => {
        while (loading) {
          await sleep(100 + Math.random() * 300);
          // This run's database only: other runs on the server are none of this test's business.
          const [row] = await killer<{ n: number }[]>`
          select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where application_name = 'latchkey' and datname = current_database()`;
          terminated += row?.n ?? 0;
        }
      })();
      await sleep(LOAD_MS);
      loading = false;
      await Promise.all([...loops, kills]);
      await killer.end();
      server.close();
      agent.destroy();

      expect(terminated).toBeGreaterThanOrEqual(10);
      const statuses = new Map<string, number>();
      for (const answer of answers) {
        const key = `${answer.kind} ${answer.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      // Every request answered, 200 or 503 only.
      expect(
        [...statuses.keys()].filter((key) => !key.endsWith(" 200") && !key.endsWith(" 503")),
        JSON.stringify(Object.fromEntries(statuses)),
      ).toEqual([]);
      // Each 503 in its surface's shape, with Retry-After.
      for (const answer of answers.filter((candidate) => candidate.status === 503)) {
        expect(answer.retryAfter).toMatch(/^\d+$/);
        const body = JSON.parse(answer.body) as Record<string, unknown>;
        if (answer.kind === "token") expect(body.error).toBe("temporarily_unavailable");
        else expect(body).toMatchObject({ status: 503, title: "Service Unavailable" });
      }
      // Valid credentials were never counted as a failed authentication.
      expect(penalty).toHaveBeenCalled();
      expect(failuresCounted()).toBe(0);
      penalty.mockRestore();

      // Once the database is back, every row of the API log is written or counted as dropped.
      await flushAllWriters();
      const statsAfter = batchedWriteStats()["api-request-log"] ?? { written: 0, dropped: 0 };
      const dropped = statsAfter.dropped - statsBefore.dropped;
      const [logged] = await (await getDb())
        .select({ rows: count() })
        .from(apiRequestLog)
        .where(and(eq(apiRequestLog.clientId, client.clientId), eq(apiRequestLog.status, 200)));
      const casesAnswered200 = answers.filter(
        (answer) => answer.kind === "cases" && answer.status === 200,
      ).length;
      expect(casesAnswered200).toBeGreaterThan(0);
      expect(logged?.rows ?? 0).toBeLessThanOrEqual(casesAnswered200);
      expect((logged?.rows ?? 0) + dropped).toBeGreaterThanOrEqual(casesAnswered200);
    }, 60_000);
  },
);
