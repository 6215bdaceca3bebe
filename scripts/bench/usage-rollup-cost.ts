/**
 * What usage rollups cost: `npx tsx scripts/bench/usage-rollup-cost.ts` (embedded database in
 * memory) or with DATABASE_URL (a database created on that server for the run, then dropped).
 *
 * On the request path: counting one request (recordApiUsage: the subject, the user agent, a
 * map update) for an allowed call and for refused credentials that name a client or present a
 * personal token. Off it: writing one snapshot — the counters of a few seconds of traffic — of
 * a given number of distinct counters, and the rows a 30-day chart then reads.
 */
import "@/lib/testing/test-secret-pepper";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { ApiProblem } from "@/lib/api/api-problem";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { generateSecret } from "@/lib/crypto/secret-format";
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createTestOrganization } from "@/lib/testing/factories";
import { recordApiUsage } from "@/lib/usage/api-usage";
import { flushUsage } from "@/lib/usage/record-usage";
import { UsageAggregator } from "@/lib/usage/usage-aggregator";
import { writeUsageSnapshot } from "@/lib/usage/usage-rollup-writer";
import { loadUsageSeries, USAGE_RANGES } from "@/lib/usage/usage-series";

const SCOPES = ["cases:read", "cases:create", "devices:read", "users:read"] as const;

function caller(organizationId: string, client: number): ApiCaller {
  return {
    organizationId,
    credential: "access_token",
    clientId: `lkc_bench${String(client).padStart(20, "0")}`,
    userId: null,
    tokenId: randomUUID(),
    scopes: [...SCOPES],
    label: "bench",
    ip: `192.0.2.${client % 250}`,
    requestsPerMinute: null,
    secretId: randomUUID(),
  };
}

/** Nanoseconds per call of `run`, after a warm-up, as the median of five rounds. */
function nanosecondsPer(iterations: number, run: (index: number) => void): number {
  for (let index = 0; index < iterations / 10; index += 1) run(index);
  const rounds: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < iterations; index += 1) run(index);
    rounds.push(Number(process.hrtime.bigint() - started) / iterations);
  }
  return rounds.sort((a, b) => a - b)[2] ?? 0;
}

async function onDatabase(label: string) {
  await migrateDatabase();
  const db = await getDb();
  const { organization } = await createTestOrganization();
  const headers = new Headers({ "user-agent": "bench/1.0" });
  const request = new Request("http://localhost/api/v1/cases", { headers });
  const callers = Array.from({ length: 50 }, (_, index) => caller(organization.id, index));

  const allowed = nanosecondsPer(200_000, (index) => {
    const scope = SCOPES[index % SCOPES.length] ?? "";
    recordApiUsage(request, "192.0.2.1", scope, { caller: callers[index % 50], outcome: "allowed" });
  });
  await flushUsage();
  const named = new Request("http://localhost/api/v1/cases", {
    headers: { "api-key": callers[0]?.clientId ?? "", "api-secret": "lk_cs_wrong" },
  });
  const refusal = new ApiProblem(401, "Unauthorized", "wrong");
  const refusedClient = nanosecondsPer(100_000, () =>
    recordApiUsage(named, "192.0.2.1", "cases:read", { refusal }),
  );
  const presented = new Request("http://localhost/api/v1/cases", {
    headers: { authorization: `Bearer ${generateSecret("personal_token")}` },
  });
  const refusedToken = nanosecondsPer(100_000, () =>
    recordApiUsage(presented, "192.0.2.1", "cases:read", { refusal }),
  );
  await flushUsage();

  const writes: string[] = [];
  for (const keys of [100, 500]) {
    const aggregator = new UsageAggregator();
    for (let index = 0; index < keys; index += 1) {
      const subject = callers[index % 50];
      if (!subject) continue;
      aggregator.add({
        attribution: {
          kind: "subject",
          subject: { organizationId: organization.id, kind: "client", id: subject.clientId ?? "" },
        },
        endpoint: "api",
        outcome: "allowed",
        scope: `${index}`,
        ip: subject.ip,
        userAgent: "bench/1.0",
        secretId: subject.secretId,
        at: Date.now(),
      });
    }
    const [snapshot] = aggregator.drain();
    if (!snapshot) continue;
    const started = performance.now();
    await writeUsageSnapshot(db, snapshot);
    writes.push(`${keys} counters: ${(performance.now() - started).toFixed(1)} ms`);
  }
  const started = performance.now();
  const month = await loadUsageSeries(
    db,
    organization.id,
    { kind: "client", id: callers[0]?.clientId ?? "" },
    USAGE_RANGES["30d"],
  );
  const readMs = performance.now() - started;

  console.log(`\nusage rollups on ${label}`);
  console.log(`  count an allowed call (recordApiUsage):      ${allowed.toFixed(0)} ns`);
  console.log(`  count refused client credentials:           ${refusedClient.toFixed(0)} ns`);
  console.log(`  count a refused personal token (its hash):  ${refusedToken.toFixed(0)} ns`);
  console.log(`  write one snapshot (one transaction, at most 500 counters): ${writes.join(" · ")}`);
  console.log(`  30-day chart of one client: ${readMs.toFixed(1)} ms, ${month.buckets.length} buckets`);
  await closeDb();
}

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  const name = `latchkey_usage_bench_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    await onDatabase("PostgreSQL");
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
} else {
  process.env.LATCHKEY_DATA_DIR = "memory://";
  await onDatabase("the embedded database (in memory)");
}
