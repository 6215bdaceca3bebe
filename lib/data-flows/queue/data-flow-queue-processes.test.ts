import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { getDb } from "@/lib/db/client";
import type { DataFlowRun } from "@/lib/db/schema";
import {
  createFlowTestTenant,
  importedDevices,
  insertTestFlow,
  insertTestRun,
  pagesCommitted,
  readRun,
  settledRun,
} from "@/lib/testing/data-flow-test-support";
import {
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerPage,
  type WorkerProcess,
} from "@/lib/testing/data-flow-worker-process-support";
import { runDataFlowNow } from "../run-commands";

/**
 * The durable queue across real processes: two worker processes (data-flow-worker-process.ts)
 * on this run's PostgreSQL database take runs from one pg-boss queue, and one of them is
 * killed (SIGKILL) or stopped (SIGTERM) in the middle of an import. The embedded database is
 * one process's alone, so this runs on a database server only.
 */
const DEVICES = 60;
const PAGE_SIZE = 10;
/** Requests per complete paging: the pages with devices, then the empty one that ends it. */
const REQUESTS_PER_PAGING = DEVICES / PAGE_SIZE + 1;
/** Longer than any run here takes (about 2–3 s), or a live run's job would be retried elsewhere. */
const EXPIRE_SECONDS = 15;

let fake: FakeAxonius;
const pages: WorkerPage[] = [];
const workers: WorkerProcess[] = [];

async function startWorker() {
  const worker = await startWorkerProcess(
    { allowHosts: fake.hostPort, expireSeconds: EXPIRE_SECONDS, pageSize: PAGE_SIZE },
    pages,
  );
  workers.push(worker);
  return worker;
}

/** A tenant and a flow with a filter of its own: the fake and the workers' requests tell flows apart by it. */
async function newFlow() {
  const tenant = await createFlowTestTenant(fake);
  const filter = `("labels" == "process-test-${randomUUID()}")`;
  const flow = await insertTestFlow(tenant.organizationId, tenant.credential.id, { filter });
  return { ...tenant, flow, filter };
}

type Flow = Awaited<ReturnType<typeof newFlow>>;

async function runNow(target: Flow, via: WorkerProcess) {
  const db = await getDb();
  const run = await runDataFlowNow(
    db,
    target.organizationId,
    target.actor,
    { flowId: target.flow.id },
    via.queue,
  );
  if (!run) throw new Error("no run");
  return run;
}

/** The flow's devices: exactly the fake's, each once. */
async function expectEveryDeviceOnce(target: Flow) {
  const rows = await importedDevices(target.organizationId, target.credential.hostUrl);
  expect(rows).toHaveLength(DEVICES);
  expect(new Set(rows.map((row) => row.externalId)).size).toBe(DEVICES);
}

const requestsOf = (target: Flow) => pages.filter((page) => page.filter === target.filter);
const pagingsOf = (target: Flow) => fake.pagings.filter((paging) => paging.filter === target.filter);

/** The process whose devices request for the flow came last: the one holding its run. */
function holding(target: Flow): { holder: WorkerProcess; other: WorkerProcess } {
  const pid = requestsOf(target).at(-1)?.pid;
  const holder = workers.find((worker) => worker.pid === pid);
  const other = workers.find((worker) => worker.pid !== pid);
  if (!holder || !other) throw new Error(`no worker holds the run (last request from ${pid})`);
  return { holder, other };
}

/** Two of the runs running with a page committed, at the same moment. */
async function twoMidImport(runIds: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await Promise.all(runIds.map((id) => readRun(id)));
    const busy = runs.filter((run) => run.status === "running" && run.pagesFetched >= 1);
    if (busy.length >= 2) return busy;
    if (Date.now() > deadline) throw new Error("no two runs were ever mid-import at once");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The holder's paging, cut short, then one whole paging of the flow by the other process. */
function expectTakenOver(target: Flow, holder: WorkerProcess, other: WorkerProcess) {
  const requests = requestsOf(target);
  const taken = requests.findIndex((page) => page.pid === other.pid);
  expect(taken).toBeGreaterThanOrEqual(2);
  expect(requests.slice(0, taken).every((page) => page.pid === holder.pid)).toBe(true);
  expect(requests.slice(taken)).toHaveLength(REQUESTS_PER_PAGING);
  expect(requests.slice(taken).every((page) => page.pid === other.pid)).toBe(true);
  expect(requests[0]?.first && requests[taken]?.first).toBe(true);
  expect(pagingsOf(target)).toHaveLength(2);
}

function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A run's result as exact counts: every device read once, created by this run. */
const createdOnce = {
  status: "succeeded",
  readCount: DEVICES,
  createdCount: DEVICES,
  updatedCount: 0,
  unchangedCount: 0,
  skippedCount: 0,
  errorMessage: null,
};

describe.skipIf(!process.env.DATABASE_URL)(
  "data flow runs across worker processes on one PostgreSQL database",
  () => {
    beforeAll(async () => {
      // Every devices request answers late, so a run lasts seconds and a signal lands mid-import.
      fake = await startFakeAxonius({ deviceCount: DEVICES, faults: ["devices:slow=300"] });
      await Promise.all([startWorker(), startWorker()]);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(workers.map((worker) => stopWorkerProcess(worker)));
      await fake?.close();
    }, 60_000);

    it("executes each of several runs of several flows exactly once, one run of a flow at a time", async () => {
      const [a, b] = workers;
      if (!a || !b) throw new Error("two workers expected");
      const flows = [await newFlow(), await newFlow(), await newFlow()];
      const firsts: DataFlowRun[] = [];
      for (const target of flows) firsts.push(await runNow(target, a));
      // A process takes one run at a time, so two mid-import at once are one in each.
      const busy = new Set((await twoMidImport(firsts.map((run) => run.id))).map((run) => run.flowId));
      const holders = flows
        .filter((target) => busy.has(target.flow.id))
        .map((target) => requestsOf(target).at(-1)?.pid);
      expect(new Set(holders)).toEqual(new Set([a.pid, b.pid]));
      // While both are busy, every run's job is sent again by the other process (a duplicate
      // delivery), and a second run of each flow is queued directly ("Run now" refuses one
      // while a run is queued), its job sent by both. Whichever process is done first finds these waiting:
      // only the queue's singleton policy keeps it from running one beside its twin.
      for (const run of firsts) await b.queue.enqueue(run);
      const seconds = [];
      for (const target of flows) {
        const run = await insertTestRun(target.organizationId, target.flow.id);
        await b.queue.enqueue(run);
        await a.queue.enqueue(run);
        seconds.push(run);
      }

      for (const [index, target] of flows.entries()) {
        const done = [await settledRun(firsts[index]?.id ?? ""), await settledRun(seconds[index]?.id ?? "")];
        const [first, second] = done.sort(
          (x, y) => (x.startedAt?.getTime() ?? 0) - (y.startedAt?.getTime() ?? 0),
        );
        expect(first).toMatchObject({ ...createdOnce, attempts: 1, pagesFetched: DEVICES / PAGE_SIZE });
        expect(second).toMatchObject({
          ...createdOnce,
          createdCount: 0,
          unchangedCount: DEVICES,
          attempts: 1,
          pagesFetched: DEVICES / PAGE_SIZE,
        });
        // The second started after the first had finished (both times are the database's).
        expect(second?.startedAt?.getTime()).toBeGreaterThanOrEqual(first?.finishedAt?.getTime() ?? Infinity);
        // Upstream saw two pagings of the flow, one per run, each read to its end once.
        expect(pagingsOf(target)).toHaveLength(2);
        expect(requestsOf(target)).toHaveLength(2 * REQUESTS_PER_PAGING);
        expect(requestsOf(target).filter((page) => page.first)).toHaveLength(2);
        await expectEveryDeviceOnce(target);
      }
    }, 120_000);

    it("takes over the run of a process killed (SIGKILL) mid-import once its job expires, with exact counts", async () => {
      const target = await newFlow();
      const run = await runNow(target, workers[0] as WorkerProcess);
      await pagesCommitted(run.id, 2);
      const { holder, other } = holding(target);
      holder.child.kill("SIGKILL");
      expect((await holder.exited).signal).toBe("SIGKILL");
      workers.splice(workers.indexOf(holder), 1);

      // Nothing in the dead process can say so: the run stays running until its job expires.
      const orphaned = await readRun(run.id);
      expect(orphaned.status).toBe("running");
      expect(orphaned.pagesFetched).toBeLessThan(DEVICES / PAGE_SIZE);

      const done = await settledRun(run.id, 90_000);
      expect(done).toMatchObject({ ...createdOnce, attempts: 2 });
      await expectEveryDeviceOnce(target);
      expectTakenOver(target, holder, other);
    }, 120_000);

    it("hands the run of a process stopped with SIGTERM mid-import back to the queue, and the other finishes it", async () => {
      await startWorker();
      const target = await newFlow();
      const run = await runNow(target, workers[0] as WorkerProcess);
      await pagesCommitted(run.id, 2);
      const { holder, other } = holding(target);
      holder.child.kill("SIGTERM");
      // The queue's stop gives the run in hand up to 20 s; a clean exit comes well inside 30.
      const exit = await withinMs(holder.exited, 30_000, "the worker did not exit within 30 s of SIGTERM");
      expect(exit).toEqual({ code: 0, signal: null });
      await holder.stopped;
      workers.splice(workers.indexOf(holder), 1);

      // Queued again by the stopping process, or already running again in the other one.
      const interrupted = await readRun(run.id);
      expect(["queued", "running"]).toContain(interrupted.status);
      expect(interrupted.pagesFetched).toBeLessThan(DEVICES / PAGE_SIZE);

      const done = await settledRun(run.id, 60_000);
      expect(done).toMatchObject({ ...createdOnce, attempts: 2 });
      await expectEveryDeviceOnce(target);
      expectTakenOver(target, holder, other);
    }, 120_000);
  },
);
