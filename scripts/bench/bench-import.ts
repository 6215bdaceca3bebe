import type { ChildProcess } from "node:child_process";
import { count, desc, eq } from "drizzle-orm";
import { startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { closeDb, getDb } from "@/lib/db/client";
import { dataFlowRuns, devices } from "@/lib/db/schema";
import { prepareImportFlow } from "./prepare-import-flow";
import { peakResidentMiB, type RssSample, sampleRss } from "./process-rss";
import { start, stop } from "./server-process";

export interface ImportMeasurement {
  database: string;
  devices: number;
  pages: number;
  seconds: number;
  devicesPerSecond: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
}

const IMPORT_DEVICES = Number(process.env.BENCH_IMPORT_DEVICES || 20_000);
const RUN_TIMEOUT_MS = 15 * 60_000;
const FINISHED_MESSAGE = "data flow run finished";

/**
 * Resolves when the server logs that a data flow run finished. The server's own word is the
 * one signal that works on both databases: the embedded one is held by the server while it
 * runs, so the bench cannot watch the run's row (and counting devices through the API would
 * load the server it measures).
 */
function runFinished(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error("the import did not finish in time")), RUN_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before the import finished`));
    };
    server.once("exit", onExit);
    server.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        let message: unknown;
        try {
          message = (JSON.parse(line) as { msg?: unknown }).msg;
        } catch {
          continue;
        }
        if (message !== FINISHED_MESSAGE) continue;
        clearTimeout(timer);
        server.off("exit", onExit);
        resolve();
      }
    });
  });
}

/** The flow's run as the server recorded it, and the devices that carry its id. */
async function readRun(flowId: string) {
  const db = await getDb();
  try {
    const [run] = await db
      .select()
      .from(dataFlowRuns)
      .where(eq(dataFlowRuns.flowId, flowId))
      .orderBy(desc(dataFlowRuns.createdAt))
      .limit(1);
    if (!run) throw new Error("the server made no run of the benchmark flow");
    const [stored] = await db
      .select({ devices: count() })
      .from(devices)
      .where(eq(devices.lastImportRunId, run.id));
    return { run, storedDevices: stored?.devices ?? 0 };
  } finally {
    await closeDb();
  }
}

/**
 * The data flow import in the production server: the fake Axonius (in this process) serves
 * IMPORT_DEVICES devices, the server's worker runs the due flow as it starts, at the flow's
 * default page size, and the server's RSS is read every 100 ms from its start. Devices/s is
 * the run's devices over its wall time as the server recorded it (started_at to finished_at),
 * which includes the fake's answers as an Axonius's would. "RSS before" is the last sample
 * before the fake served the first page (the server ready: Next prepared, worker started);
 * the peak is the highest sample from then until the run finished.
 */
export async function benchImport(
  label: string,
  databaseEnv: Record<string, string>,
  port: number,
): Promise<ImportMeasurement> {
  console.log(`\nData flow import on ${label}: ${IMPORT_DEVICES} devices from the fake Axonius`);
  const fake = await startFakeAxonius({ deviceCount: IMPORT_DEVICES });
  try {
    const { flowId } = await prepareImportFlow(fake);
    const base = `http://127.0.0.1:${port}`;
    const server = start("scripts/start.ts", {
      ...databaseEnv,
      PORT: String(port),
      AUTH_URL: base,
      LATCHKEY_OUTBOUND_ALLOW_HOSTS: fake.hostPort,
      // runFinished reads the server's JSON log lines.
      LATCHKEY_LOG_LEVEL: "info",
      LATCHKEY_LOG_FORMAT: "json",
    });
    const pid = server.pid;
    if (pid === undefined) throw new Error("the server did not start");
    const pagesServed = () => fake.requests.filter((request) => request.path === "/api/devices").length;
    const sampler = sampleRss(pid, pagesServed);
    let samples: RssSample[];
    let highWaterMiB: number | null;
    try {
      await runFinished(server);
      highWaterMiB = peakResidentMiB(pid);
    } finally {
      samples = sampler.stop();
      await stop(server);
    }
    const { run, storedDevices } = await readRun(flowId);
    if (run.status !== "succeeded" || run.attempts !== 1 || !run.startedAt || !run.finishedAt) {
      throw new Error(
        `the benchmark run ended ${run.status} after ${run.attempts} attempt(s): ${run.errorMessage ?? "no error recorded"}`,
      );
    }
    const imported = run.createdCount + run.updatedCount + run.unchangedCount;
    if (storedDevices !== imported) {
      throw new Error(`the run counted ${imported} devices but ${storedDevices} carry its id`);
    }
    const before = samples.filter((sample) => sample.mark === 0).at(-1);
    const during = samples.filter((sample) => sample.mark > 0);
    if (!before || during.length === 0) throw new Error("no RSS samples before and during the import");
    const seconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
    const measurement: ImportMeasurement = {
      database: label,
      devices: imported,
      pages: run.pagesFetched,
      seconds,
      devicesPerSecond: Math.round(imported / seconds),
      rssBeforeMiB: Math.round(before.mib),
      peakRssMiB: Math.round(Math.max(...during.map((sample) => sample.mib))),
    };
    console.log(
      `  ${label}: ${measurement.devices} devices in ${measurement.pages} pages, ${seconds.toFixed(1)} s, ` +
        `${measurement.devicesPerSecond} devices/s; RSS ${measurement.rssBeforeMiB} MiB before, ` +
        `${measurement.peakRssMiB} MiB peak (${during.length} samples during the import` +
        `${highWaterMiB === null ? "" : `; kernel high-water mark since start ${Math.round(highWaterMiB)} MiB`})`,
    );
    return measurement;
  } finally {
    await fake.close();
  }
}
