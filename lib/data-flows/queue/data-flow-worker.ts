import { onShutdown } from "@/lib/server/shutdown-tasks";
import type { RunQueue } from "../run-commands";
import { type DataFlowQueue, startDataFlowQueue } from "./data-flow-queue";

/**
 * The server process's data flow worker (scripts/start.ts starts it once the server listens):
 * it runs queued runs and the schedules, and stops with the server, before the database
 * closes. The console's "Run now" hands runs to it through getDataFlowRunQueue().
 */
const KEY = Symbol.for("latchkey.data-flows.queue");
const store = globalThis as typeof globalThis & { [KEY]?: Promise<DataFlowQueue> };

export function startDataFlowWorker(): Promise<DataFlowQueue> {
  if (!store[KEY]) {
    const started = startDataFlowQueue();
    store[KEY] = started;
    onShutdown(async () => {
      await (await started).stop();
    });
  }
  return store[KEY];
}

/**
 * The queue "Run now" hands its run to. scripts/start.ts starts the worker with the server;
 * a process that serves the console some other way (a plain `next start`) starts it here on
 * the first run, so a run asked for is always picked up.
 */
export function getDataFlowRunQueue(): Promise<RunQueue> {
  return startDataFlowWorker();
}
