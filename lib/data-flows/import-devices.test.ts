import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { fakeAxonId } from "@/lib/axonius/fake/fake-devices";
import { getDb } from "@/lib/db/client";
import { auditEvents, dataFlows, devices } from "@/lib/db/schema";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import { callApi, callerFor } from "@/lib/testing/api-test-support";
import {
  createFlowTestTenant,
  importedDevices,
  insertTestFlow,
  insertTestRun,
  instantRetries,
  readRun,
} from "@/lib/testing/data-flow-test-support";
import { type ExecuteRunOptions, executeDataFlowRun } from "./execute-data-flow-run";

let fake: FakeAxonius;
let client: OutboundClient;

beforeAll(async () => {
  fake = await startFakeAxonius({ deviceCount: 250 });
  client = createOutboundClient({ allowHosts: parseAllowHosts(fake.hostPort) });
});

afterEach(() => {
  fake.setFaults([]);
  fake.setDeviceCount(250);
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

async function newFlow(values: Parameters<typeof insertTestFlow>[2] = {}) {
  const tenant = await createFlowTestTenant(fake);
  const flow = await insertTestFlow(tenant.organizationId, tenant.credential.id, values);
  return { ...tenant, flow };
}

async function run(
  target: { organizationId: string; flow: { id: string } },
  options: ExecuteRunOptions = {},
) {
  const retries = instantRetries();
  const queued = await insertTestRun(target.organizationId, target.flow.id);
  const result = await executeDataFlowRun(await getDb(), queued.id, {
    client,
    pageSize: 100,
    ...options,
    retry: { ...retries.policy, ...options.retry },
  });
  return { result, run: await readRun(queued.id), waits: retries.waits };
}

const counts = (row: Awaited<ReturnType<typeof readRun>>) => ({
  status: row.status,
  read: row.readCount,
  created: row.createdCount,
  updated: row.updatedCount,
  unchanged: row.unchangedCount,
  skipped: row.skippedCount,
  failed: row.failedCount,
  missing: row.missingCount,
});

describe("importing Axonius devices", () => {
  it("imports 20,000 devices with exact counts, and a re-run changes nothing", async () => {
    fake.setDeviceCount(20_000);
    const target = await newFlow();
    const startedAt = performance.now();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const first = await run(target, { pageSize: 1000 });
    clearInterval(sampler);
    const seconds = (performance.now() - startedAt) / 1000;
    console.info(
      `20,000-device import: ${seconds.toFixed(1)} s, ${Math.round(20_000 / seconds)} devices/s, ` +
        `RSS ${Math.round(rssBefore / 2 ** 20)} → peak ${Math.round(peakRss / 2 ** 20)} MiB`,
    );
    expect(first.result).toEqual({ status: "succeeded", errorMessage: null });
    expect(counts(first.run)).toEqual({
      status: "succeeded",
      read: 20_000,
      created: 20_000,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      missing: 0,
    });
    expect(first.run.pagesFetched).toBe(20);
    expect(first.run.totalRecords).toBe(20_000);
    expect(first.run.startedAt).not.toBeNull();
    expect(first.run.finishedAt).not.toBeNull();

    const again = await run(target, { pageSize: 1000 });
    expect(counts(again.run)).toEqual({ ...counts(first.run), created: 0, unchanged: 20_000 });
    const db = await getDb();
    const [stored] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(devices)
      .where(eq(devices.organizationId, target.organizationId));
    expect(stored?.total).toBe(20_000);
  }, 300_000);

  it("maps the fields and marks the source", async () => {
    fake.setDeviceCount(20);
    const target = await newFlow();
    await run(target);
    const rows = await importedDevices(target.organizationId, target.credential.hostUrl);
    const first = rows.find((row) => row.externalId === fakeAxonId(0));
    expect(first).toMatchObject({
      source: "axonius",
      sourceHost: fake.url,
      type: "other",
      hostname: "host-00001.corp.example",
      serial: "SN0000001",
      model: "",
      ipAddresses: ["10.0.0.1", "2001:db8::"],
      lastSeenAt: new Date("2026-01-01T00:00:00.000Z"),
      missingSince: null,
    });
    // Device 10 has no serial upstream: stored empty, which no uniqueness concerns.
    expect(rows.find((row) => row.externalId === fakeAxonId(10))?.serial).toBe("");
  });

  it("a re-run updates what changed, creates what is new and marks what vanished; it clears the mark on return", async () => {
    fake.setDeviceCount(300);
    const target = await newFlow();
    await run(target);
    const db = await getDb();
    const stale = [fakeAxonId(1), fakeAxonId(2), fakeAxonId(3)];
    for (const externalId of stale) {
      await db
        .update(devices)
        .set({ hostname: "stale.example" })
        .where(and(eq(devices.organizationId, target.organizationId), eq(devices.externalId, externalId)));
    }
    fake.setDeviceCount(310);
    const grown = await run(target);
    expect(counts(grown.run)).toMatchObject({
      read: 310,
      created: 10,
      updated: 3,
      unchanged: 297,
      missing: 0,
    });

    fake.setDeviceCount(295);
    const shrunk = await run(target);
    expect(counts(shrunk.run)).toMatchObject({
      read: 295,
      created: 0,
      updated: 0,
      unchanged: 295,
      missing: 15,
    });
    const missing = await db
      .select({ externalId: devices.externalId })
      .from(devices)
      .where(and(eq(devices.organizationId, target.organizationId), isNotNull(devices.missingSince)));
    expect(missing.map((row) => row.externalId).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => fakeAxonId(295 + i)).sort(),
    );
    // Not deleted: still listed, with the mark.
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(310);

    fake.setDeviceCount(300);
    const back = await run(target);
    expect(counts(back.run)).toMatchObject({ read: 300, created: 0, updated: 5, unchanged: 295, missing: 0 });
    const stillMissing = await db
      .select({ externalId: devices.externalId })
      .from(devices)
      .where(and(eq(devices.organizationId, target.organizationId), isNotNull(devices.missingSince)));
    expect(stillMissing).toHaveLength(10);
  });

  it("a flow with a filter never marks devices missing", async () => {
    const target = await newFlow({ filter: '("specific_data.data.os.type" == "Windows")' });
    await run(target);
    fake.setDeviceCount(200);
    const second = await run(target);
    expect(counts(second.run)).toMatchObject({ status: "succeeded", read: 200, missing: 0 });
  });

  it("skips a serial another device holds as a conflict, and still succeeds", async () => {
    fake.setDeviceCount(30);
    const target = await newFlow();
    const db = await getDb();
    await db
      .insert(devices)
      .values({ organizationId: target.organizationId, serial: "SN0000005", model: "Dock", type: "dock" });
    const result = await run(target);
    expect(counts(result.run)).toMatchObject({ status: "succeeded", read: 30, created: 29, skipped: 1 });
    expect(result.run.skipReasons).toEqual({ conflict: 1 });
  });
});

describe("faults from Axonius", () => {
  it("waits as Retry-After says on a 429, then carries on", async () => {
    fake.setFaults(["devices:429=2*1@1"]);
    const target = await newFlow();
    const result = await run(target);
    expect(result.waits).toEqual([2000]);
    expect(counts(result.run)).toMatchObject({ status: "succeeded", read: 250, created: 250 });
  });

  it("retries a 202 (not ready), never taking it for the last page", async () => {
    fake.setFaults(["devices:202*2@1"]);
    const target = await newFlow();
    const result = await run(target);
    expect(result.waits).toEqual([750, 1500]);
    expect(counts(result.run)).toMatchObject({ status: "succeeded", read: 250, created: 250 });
    expect(result.run.pagesFetched).toBe(3);
  });

  it("retries a 500 with back-off", async () => {
    fake.setFaults(["devices:500*3@2"]);
    const target = await newFlow();
    const result = await run(target);
    expect(result.waits).toEqual([750, 1500, 3000]);
    expect(counts(result.run)).toMatchObject({ status: "succeeded", created: 250 });
  });

  it("ends partial when 5xx outlasts the retries after some pages, keeping what it committed", async () => {
    fake.setFaults(["devices:503@1"]);
    const target = await newFlow();
    const result = await run(target, { retry: { maxAttempts: 3 } });
    expect(result.result?.status).toBe("partial");
    expect(result.run.errorMessage).toContain("(gave up after 3 attempts)");
    expect(counts(result.run)).toMatchObject({ status: "partial", read: 100, created: 100, missing: 0 });
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(100);
  });

  it("fails at once on a 401 with a clear message", async () => {
    fake.setFaults(["devices:401"]);
    const target = await newFlow();
    const result = await run(target);
    expect(result.waits).toEqual([]);
    expect(result.run.status).toBe("failed");
    expect(result.run.errorMessage).toBe(
      "Axonius did not accept the API key and secret (401); check both values",
    );
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(0);
  });

  it("fails at once on a 403 after a page: partial", async () => {
    fake.setFaults(["devices:403@1"]);
    const target = await newFlow();
    const result = await run(target);
    expect(result.waits).toEqual([]);
    expect(result.run.status).toBe("partial");
    expect(result.run.errorMessage).toContain("(403)");
  });

  it("reads again from the first page after a timeout mid-way, with exact counts", async () => {
    fake.setFaults(["devices:slow=1500*1@1"]);
    const target = await newFlow();
    const result = await run(target, { retry: { timeoutMs: 400 } });
    expect(counts(result.run)).toMatchObject({ status: "succeeded", read: 250, created: 250, unchanged: 0 });
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(250);
  });

  it("pauses a flow that failed five times in a row, saying why, and audits it", async () => {
    fake.setFaults(["devices:401"]);
    const target = await newFlow();
    for (let i = 0; i < 5; i += 1) await run(target);
    const db = await getDb();
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.id, target.flow.id));
    expect(flow).toMatchObject({ paused: true, consecutiveFailures: 5 });
    expect(flow?.pausedReason).toBe(
      "Paused after 5 failed runs in a row. Last error: Axonius did not accept the API key and secret (401); check both values",
    );
    const audits = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, target.organizationId),
          eq(auditEvents.action, "data_flow.paused"),
        ),
      );
    expect(audits).toHaveLength(1);
  });

  it("a success resets the failure count", async () => {
    fake.setFaults(["devices:401*2"]);
    const target = await newFlow();
    await run(target);
    await run(target);
    await run(target);
    const db = await getDb();
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.id, target.flow.id));
    expect(flow).toMatchObject({ paused: false, consecutiveFailures: 0 });
  });
});

describe("runs", () => {
  it("a finished run is not executed again", async () => {
    const target = await newFlow();
    const first = await run(target);
    const again = await executeDataFlowRun(await getDb(), first.run.id, { client });
    expect(again).toBeNull();
    expect(counts(await readRun(first.run.id))).toEqual(counts(first.run));
  });

  it("a run cancelled before it starts imports nothing", async () => {
    const target = await newFlow();
    const queued = await insertTestRun(target.organizationId, target.flow.id);
    const db = await getDb();
    const { dataFlowRuns } = await import("@/lib/db/schema");
    await db
      .update(dataFlowRuns)
      .set({ cancelRequestedAt: new Date() })
      .where(eq(dataFlowRuns.id, queued.id));
    expect(await executeDataFlowRun(db, queued.id, { client })).toEqual({
      status: "cancelled",
      errorMessage: null,
    });
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(0);
  });
});

describe("tenant isolation", () => {
  it("two organizations reading one Axonius instance get their own devices; missing marks stay in each", async () => {
    fake.setDeviceCount(40);
    const a = await newFlow();
    const b = await newFlow();
    await run(a);
    await run(b);
    fake.setDeviceCount(30);
    const shrunk = await run(a);
    expect(shrunk.run.missingCount).toBe(10);
    const db = await getDb();
    const bMissing = await db
      .select({ id: devices.id })
      .from(devices)
      .where(and(eq(devices.organizationId, b.organizationId), isNotNull(devices.missingSince)));
    expect(bMissing).toHaveLength(0);
    const listed = await callApi(callerFor(b.organizationId), "GET", "devices?source=axonius&limit=100");
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(40);
    const aIds = new Set((await importedDevices(a.organizationId, fake.url)).map((row) => row.id));
    expect(listed.body.data.some((item: { id: string }) => aIds.has(item.id))).toBe(false);
  });

  it("a run of another organization's flow finds nothing to run", async () => {
    const a = await newFlow();
    const b = await newFlow();
    const { dataFlowRuns } = await import("@/lib/db/schema");
    const db = await getDb();
    // A run row claiming organization B for A's flow is refused by the flow lookup.
    const [forged] = await db
      .insert(dataFlowRuns)
      .values({ organizationId: b.organizationId, flowId: a.flow.id, trigger: "manual" })
      .returning();
    expect(await executeDataFlowRun(db, forged?.id ?? "", { client })).toBeNull();
    expect(await importedDevices(b.organizationId, fake.url)).toHaveLength(0);
  });
});
