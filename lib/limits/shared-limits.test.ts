import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/crypto/secret-format";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";
import { basicAuth, createTenantWithClient, formRequest } from "@/lib/testing/oauth-test-support";
import { closeCounterStores } from "./counter-store";
import { FAILURE_BUDGETS } from "./limit-catalogue";

const run = promisify(execFile);
const onServer = Boolean(process.env.DATABASE_URL);
const REDIS = { host: "127.0.0.1", port: 6379 };

async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(REDIS.port, REDIS.host);
    socket.setTimeout(500, () => socket.destroy());
    socket.once("connect", () => resolve(socket.end() !== undefined));
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

/** Another Latchkey process spending failures against the same store. */
async function failElsewhere(ip: string, clientId: string, count: number, env: Record<string, string>) {
  const script = path.join(process.cwd(), "lib/testing/spend-failures-elsewhere.ts");
  await run(path.join(process.cwd(), "node_modules/.bin/tsx"), [script, ip, clientId, String(count)], {
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
}

async function tokenRequest(clientId: string, secret: string, ip: string) {
  return handleTokenRequest(
    formRequest(
      "/api/oauth/token",
      { grant_type: "client_credentials" },
      { authorization: basicAuth(clientId, secret) },
    ),
    ip,
  );
}

/** Failures split between two processes add up to one budget. */
async function expectOneBudgetAcrossProcesses(env: Record<string, string>) {
  const { client, secret } = await createTenantWithClient();
  const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const budget = FAILURE_BUDGETS.secretPerClientAndAddress.points;
  const elsewhere = Math.ceil(budget / 2);
  await failElsewhere(ip, client.clientId, elsewhere, env);
  const wrong = generateSecret("client_secret");
  for (let attempt = elsewhere; attempt < budget; attempt += 1) {
    expect((await tokenRequest(client.clientId, wrong, ip)).status).toBe(401);
  }
  const limited = await tokenRequest(client.clientId, wrong, ip);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await tokenRequest(client.clientId, secret, ip)).status).toBe(200);
}

describe("limits shared by every process", () => {
  afterEach(async () => {
    delete process.env.REDIS_URL;
    await closeCounterStores();
  });

  it.skipIf(!onServer)(
    "counts failures of two processes on one PostgreSQL database as one budget",
    async () => {
      await closeCounterStores();
      await expectOneBudgetAcrossProcesses({ REDIS_URL: "" });
    },
  );

  it("counts failures of two processes as one budget in Redis when REDIS_URL is set", async (context) => {
    if (!(await redisAnswers())) context.skip("no Redis server answers on 127.0.0.1:6379");
    process.env.REDIS_URL = `redis://${REDIS.host}:${REDIS.port}`;
    await closeCounterStores();
    await expectOneBudgetAcrossProcesses({ REDIS_URL: process.env.REDIS_URL });
  });
});
