import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { getDb } from "@/lib/db/client";
import { dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import {
  createFlowTestTenant,
  importedDevices,
  insertTestFlow,
  instantRetries,
  readRun,
} from "@/lib/testing/data-flow-test-support";
import { runDataFlowNow } from "../run-commands";
import {
  type DataFlowQueue,
  type DataFlowQueueOptions,
  RUNS_QUEUE,
  SCHEDULER_QUEUE,
  startDataFlowQueue,
} from "./data-flow-queue";
import { enqueueDueRuns } from "./scheduled-runs";

let fake: FakeAxonius;
let client: OutboundClient;
const queues: DataFlowQueue[] = [];

beforeAll(async () => {
  fake = await startFakeAxonius({ deviceCount: 300 });
  client = createOutboundClient({ allowHosts: parseAllowHosts(fake.hostPort) });
});

afterEach(async () => {
  fake.setFaults([]);
  while (queues.length > 0) await queues.pop()?.stop();
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

async function startQueue(options: DataFlowQueueOptions = {}) {
  const queue = await startDataFlowQueue({
    schedule: false,
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    ...options,
    run: { client, pageSize: 50, retry: instantRetries().policy, ...options.run },
  });
  queues.push(queue);
  return queue;
}

async function settled(runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await readRun(runId);
    if (!["queued", "running"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function newFlow() {
  const tenant = await createFlowTestTenant(fake);
  const flow = await insertTestFlow(tenant.organizationId, tenant.credential.id);
  return { ...tenant, flow };
}

describe("durable data flow runs", () => {
  it("hands a run over once however often it is sent, so one flow's run never holds up another's", async () => {
    // Two workers; each page answers slowly, so the first run is still going when the second is asked for.
    const queue = await startQueue();
    await startQueue();
    const slow = await newFlow();
    const quick = await newFlow();
    const db = await getDb();
    fake.setFaults(["devices:slow=300"]);
    const first = await runDataFlowNow(db, slow.organizationId, slow.actor, { flowId: slow.flow.id }, queue);
    if (!first) throw new Error("no run");
    // Its run is handed over again twice (the scheduler's sweep, another process): one job stays.
    await queue.enqueue(first);
    await queue.enqueue(first);
    expect((await queue.boss.getJobById(RUNS_QUEUE, first.id))?.id).toBe(first.id);
    const second = await runDataFlowNow(
      db,
      quick.organizationId,
      quick.actor,
      { flowId: quick.flow.id },
      queue,
    );
    if (!second) throw new Error("no run");
    const [slowRun, quickRun] = await Promise.all([settled(first.id), settled(second.id)]);
    expect(slowRun).toMatchObject({ status: "succeeded", attempts: 1, createdCount: 300 });
    expect(quickRun).toMatchObject({ status: "succeeded", attempts: 1, createdCount: 300 });
    // The other flow's run started while the first still ran, rather than waiting behind a duplicate.
    expect(quickRun.startedAt?.getTime()).toBeLessThan(slowRun.finishedAt?.getTime() ?? 0);
  });

  it("'Run now' queues a run that a worker executes to the end", async () => {
    const queue = await startQueue();
    const target = await newFlow();
    const run = await runDataFlowNow(
      await getDb(),
      target.organizationId,
      target.actor,
      { flowId: target.flow.id },
      queue,
    );
    expect(run?.status).toBe("queued");
    const done = await settled(run?.id ?? "");
    expect(done).toMatchObject({
      status: "succeeded",
      readCount: 300,
      createdCount: 300,
      attempts: 1,
      trigger: "manual",
    });
  });

  it("a run interrupted by a stop is queued again with its progress and resumed, with exact counts", async () => {
    // Every page after the second answers slowly, so the stop lands mid-run.
    fake.setFaults(["devices:slow=400@2"]);
    const first = await startQueue();
    const target = await newFlow();
    const run = await runDataFlowNow(
      await getDb(),
      target.organizationId,
      target.actor,
      { flowId: target.flow.id },
      first,
    );
    const deadline = Date.now() + 30_000;
    while ((await readRun(run?.id ?? "")).pagesFetched < 2) {
      if (Date.now() > deadline) throw new Error("the run never started");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    queues.splice(queues.indexOf(first), 1);
    await first.stop();
    const interrupted = await readRun(run?.id ?? "");
    expect(interrupted.status).toBe("queued");
    expect(interrupted.pagesFetched).toBeGreaterThan(0);
    expect(interrupted.pagesFetched).toBeLessThan(6);
    fake.setFaults([]);
    await startQueue();
    const done = await settled(run?.id ?? "");
    expect(done).toMatchObject({
      status: "succeeded",
      readCount: 300,
      createdCount: 300,
      unchangedCount: 0,
      attempts: 2,
    });
    expect(await importedDevices(target.organizationId, target.credential.hostUrl)).toHaveLength(300);
  });

  it("starts with the every-minute pg-boss schedule that wakes the scheduler", async () => {
    const queue = await startQueue({ schedule: true });
    const schedules = await queue.boss.getSchedules();
    expect(schedules.map((entry) => [entry.name, entry.cron])).toContainEqual([SCHEDULER_QUEUE, "* * * * *"]);
  });

  it("the scheduler queues due flows once and moves their next run on", async () => {
    const target = await newFlow();
    const db = await getDb();
    const past = new Date(Date.now() - 60_000);
    await db
      .update(dataFlows)
      .set({ schedule: "hourly", nextRunAt: past })
      .where(eq(dataFlows.id, target.flow.id));
    const sent: string[] = [];
    const queue = { enqueue: async (run: { id: string }) => void sent.push(run.id) };
    await enqueueDueRuns(db, queue, new Date());
    await enqueueDueRuns(db, queue, new Date());
    const runs = await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, target.flow.id));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe("schedule");
    expect(sent).toEqual([runs[0]?.id]);
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.id, target.flow.id));
    expect(flow?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
    expect(flow?.nextRunAt?.getUTCMinutes()).toBe(0);
  });

  it("at start, hands a due flow's run to the worker without waiting for the minute's tick", async () => {
    const target = await newFlow();
    const db = await getDb();
    // Due while no server was running.
    await db
      .update(dataFlows)
      .set({ schedule: "hourly", nextRunAt: new Date(Date.now() - 60_000) })
      .where(eq(dataFlows.id, target.flow.id));
    await startQueue({ schedule: true });
    // Queued by the time the queue has started, which the tick (a minute apart) cannot promise.
    const runs = await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, target.flow.id));
    expect(runs.map((run) => run.trigger)).toEqual(["schedule"]);
    expect(await settled(runs[0]?.id ?? "")).toMatchObject({
      status: "succeeded",
      readCount: 300,
      createdCount: 300,
    });
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.id, target.flow.id));
    expect(flow?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "two workers on PostgreSQL execute each run exactly once, even when its job is sent twice",
    async () => {
      const a = await startQueue();
      const b = await startQueue();
      const db = await getDb();
      const runs: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const target = await newFlow();
        const run = await runDataFlowNow(
          db,
          target.organizationId,
          target.actor,
          { flowId: target.flow.id },
          a,
        );
        if (!run) throw new Error("no run");
        await b.enqueue({ id: run.id, flowId: run.flowId });
        runs.push(run.id);
      }
      for (const id of runs) {
        expect(await settled(id)).toMatchObject({ status: "succeeded", attempts: 1, createdCount: 300 });
      }
    },
  );
});
