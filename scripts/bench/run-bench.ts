/**
 * npm run bench: Latchkey's production server against its floors and its peer, in one run.
 * For each database (PostgreSQL when reachable, and the embedded one) it measures the token
 * endpoint, a 50-row read with a bearer token and with api-key/api-secret, and the constant
 * Next route handler, then a data flow importing 20,000 devices from the fake Axonius (its
 * devices/s and the server's RSS); then the bare node:http ceiling and node-oidc-provider's
 * token endpoint.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { INSTANCE_SECRETS } from "@/lib/config/instance-secret";
import { benchImport, type ImportMeasurement } from "./bench-import";
import { type Measurement, measure, waitForOk } from "./measure";
import { prepareBenchData } from "./prepare-bench-data";
import { topFunctions } from "./profile-summary";
import { printReport } from "./report";
import { start, stop } from "./server-process";

const PG_SERVER = process.env.BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT || 3900);

for (const { envName } of Object.values(INSTANCE_SECRETS)) {
  process.env[envName] ||= randomBytes(32).toString("base64url");
}

/** BENCH_ENDPOINTS=token (a word of the names) measures only those: a profile of one path. */
const only = process.env.BENCH_ENDPOINTS;
const IMPORT_NAME = "data flow import";

async function benchLatchkey(label: string, databaseEnv: Record<string, string>): Promise<Measurement[]> {
  console.log(`\nLatchkey on ${label}`);
  const { clientId, secret } = await prepareBenchData();
  const base = `http://127.0.0.1:${PORT}`;
  const profileDir = path.resolve("bench-results", "profiles", label);
  const profiling = process.env.BENCH_PROFILE === "1";
  const server = start(
    "scripts/start.ts",
    {
      ...databaseEnv,
      PORT: String(PORT),
      AUTH_URL: base,
      LATCHKEY_BENCH_ROUTES: "1",
      // One client makes every request: the per-client rate must not cut the measurement short.
      LATCHKEY_API_REQUESTS_PER_MINUTE: "1000000",
    },
    profiling ? profileDir : undefined,
  );
  try {
    await waitForOk(`${base}/api/health`);
    const basic = `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
    const tokenResponse = await fetch(`${base}/api/oauth/token`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const readUrl = `${base}/api/v1/cases?limit=50`;
    const sample = await fetch(readUrl, { headers: { authorization: `Bearer ${token}` } });
    const bodyBytes = (await sample.text()).length;
    process.env.BENCH_BODY_BYTES = String(bodyBytes);
    const endpoints: Array<[string, Parameters<typeof measure>[1]]> = [
      [
        "POST /api/oauth/token",
        {
          url: `${base}/api/oauth/token`,
          method: "POST",
          headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        },
      ],
      [
        "GET /api/v1/cases?limit=50 (bearer)",
        { url: readUrl, headers: { authorization: `Bearer ${token}` } },
      ],
      [
        "GET /api/v1/cases?limit=50 (api-key)",
        { url: readUrl, headers: { "api-key": clientId, "api-secret": secret } },
      ],
      ["constant Next route handler", { url: `${base}/api/bench/constant?bytes=${bodyBytes}` }],
    ];
    const results: Measurement[] = [];
    for (const [name, options] of endpoints) {
      if (!only || name.includes(only)) results.push(await measure(`${label}: ${name}`, options));
    }
    return results;
  } finally {
    await stop(server);
    if (profiling) {
      console.log(
        `  Top functions by self time (${label}${process.env.BENCH_ENDPOINTS ? `, ${process.env.BENCH_ENDPOINTS} only` : ", whole run"}):`,
      );
      for (const line of topFunctions(profileDir)) console.log(`    ${line}`);
    }
  }
}

async function benchFloors(): Promise<Measurement[]> {
  console.log("\nFloors and peer");
  const results: Measurement[] = [];
  const bare = start("scripts/bench/bare-server.ts", {
    PORT: String(PORT + 1),
    BODY_BYTES: process.env.BENCH_BODY_BYTES ?? "64",
  });
  try {
    await waitForOk(`http://127.0.0.1:${PORT + 1}/`);
    results.push(await measure("bare node:http, constant JSON", { url: `http://127.0.0.1:${PORT + 1}/` }));
  } finally {
    await stop(bare);
  }
  const peerSecret = randomBytes(32).toString("base64url");
  const peer = start("scripts/bench/oidc-peer.ts", {
    PORT: String(PORT + 2),
    PEER_CLIENT_SECRET: peerSecret,
  });
  try {
    await waitForOk(`http://127.0.0.1:${PORT + 2}/.well-known/openid-configuration`);
    results.push(
      await measure("node-oidc-provider: POST /token", {
        url: `http://127.0.0.1:${PORT + 2}/token`,
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`bench-client:${peerSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials&scope=cases%3Aread",
      }),
    );
  } finally {
    await stop(peer);
  }
  return results;
}

async function postgresReachable(): Promise<boolean> {
  const sql = postgres(PG_SERVER, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

if (!fs.existsSync(path.join(".next", "BUILD_ID")) || process.env.BENCH_BUILD === "1") {
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const results: Measurement[] = [];
const imports: ImportMeasurement[] = [];

/**
 * The endpoints, then the import on a server started afresh (its flow is due at start);
 * BENCH_ENDPOINTS=import measures the import alone.
 */
async function benchDatabase(label: string, databaseEnv: Record<string, string>): Promise<void> {
  // The bench's own preparation opens the same database as the server.
  Object.assign(process.env, databaseEnv);
  const importOnly = only !== undefined && IMPORT_NAME.includes(only);
  if (!importOnly) results.push(...(await benchLatchkey(label, databaseEnv)));
  if (!only || importOnly) imports.push(await benchImport(label, databaseEnv, PORT));
}

if (process.env.BENCH_ONLY !== "embedded" && (await postgresReachable())) {
  const name = `latchkey_bench_${process.pid}`;
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  try {
    await benchDatabase("PostgreSQL", { DATABASE_URL: url.toString() });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  delete process.env.DATABASE_URL;
} else if (process.env.BENCH_ONLY !== "embedded") {
  console.log(`PostgreSQL is not reachable at ${PG_SERVER}; measuring the embedded database only.`);
}
if (process.env.BENCH_ONLY !== "postgres") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "latchkey-bench-"));
  try {
    await benchDatabase("embedded", { LATCHKEY_DATA_DIR: dataDir });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (process.env.BENCH_ONLY !== "postgres" && process.env.BENCH_ONLY !== "embedded")
  results.push(...(await benchFloors()));
printReport(results, imports);
