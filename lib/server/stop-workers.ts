import cluster from "node:cluster";
import { logFor } from "@/lib/log/logger";
import { FORCED_EXIT_MS } from "./graceful-shutdown";

const log = logFor("cluster");

/**
 * The cluster primary's side of LATCHKEY_WORKERS: a worker that dies unasked is replaced
 * (unless workers keep dying: then something is wrong and everything stops); on SIGTERM or
 * SIGINT each worker is told the same and stops gracefully by itself (graceful-shutdown.ts),
 * and the primary exits once the last one has — 0 when every worker stopped cleanly.
 */
export function stopWorkersOnSignals(workers: number): void {
  let stopping = false;
  let failedStops = 0;
  const stopWorkers = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, "stopping workers");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Each worker has its own forced exit; this only covers a worker that cannot even do that.
    setTimeout(() => {
      log.error({}, "workers did not stop in time; exiting");
      process.exit(1);
    }, FORCED_EXIT_MS + 2_000).unref();
  };
  process.on("SIGTERM", () => stopWorkers("SIGTERM"));
  process.on("SIGINT", () => stopWorkers("SIGINT"));

  const recentDeaths: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failedStops += 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failedStops === 0 ? 0 : 1);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length > 0 && (recentDeaths[0] ?? now) < now - 60_000) recentDeaths.shift();
    log.error({ pid: worker.process.pid, code, signal }, "worker exited");
    if (recentDeaths.length > workers * 3) {
      log.error({}, "workers keep exiting; stopping");
      failedStops += 1;
      stopWorkers("SIGTERM");
      return;
    }
    cluster.fork();
  });
}
