import type http from "node:http";
import { closeDb } from "@/lib/db/client";
import { logFor } from "@/lib/log/logger";
import { batchedWriteStats, flushAllWriters } from "@/lib/usage/batched-writer";
import { ConnectionDrain, IDLE_LINGER_MS } from "./connection-drain";
import { runShutdownTasks } from "./shutdown-tasks";

const log = logFor("server");

/** A process still stopping after this long is ended (exit code 1). */
export const FORCED_EXIT_MS = 10_000;
/** How long the batched writers get to write what they hold, once no request is left. */
const FLUSH_DEADLINE_MS = 3_000;
/** The same signal again within this window is the same request to stop, delivered twice. */
const REPEAT_WINDOW_MS = 1000;

export interface ShutdownOptions {
  lingerMs?: number;
  flushDeadlineMs?: number;
  forcedExitMs?: number;
  /** Ends the process; replaced in tests. */
  exit?: (code: number) => void;
}

/**
 * Stops the server the way a supervisor expects on SIGTERM (or SIGINT): finish the requests in
 * flight and let every connection close as it goes idle (see ConnectionDrain), write what the
 * batched writers hold, close the database, exit 0. A process that cannot get there within
 * `forcedExitMs` exits 1. Another SIGINT a second or more later (Ctrl-C again) exits at once;
 * repeats within that second are the same Ctrl-C delivered twice (by the terminal to the whole
 * process group, and forwarded by npm), and a repeated SIGTERM changes nothing.
 */
export function stopGracefullyOnSignals(server: http.Server, options: ShutdownOptions = {}): ConnectionDrain {
  const drain = new ConnectionDrain(server);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let startedAt: number | undefined;

  const stop = async (signal: NodeJS.Signals) => {
    if (startedAt !== undefined) {
      if (signal === "SIGINT" && Date.now() - startedAt >= REPEAT_WINDOW_MS) exit(1);
      return;
    }
    startedAt = Date.now();
    const forced = setTimeout(() => {
      log.error({ signal, openConnections: drain.openConnections }, "shutdown took too long; exiting");
      exit(1);
    }, options.forcedExitMs ?? FORCED_EXIT_MS);
    forced.unref();
    log.info({ signal, openConnections: drain.openConnections }, "stopping: finishing requests in flight");
    try {
      await drain.drain(options.lingerMs ?? IDLE_LINGER_MS);
      for (const result of await runShutdownTasks()) {
        if (result.status === "rejected") log.error({ err: result.reason, signal }, "a shutdown task failed");
      }
      await flushAllWriters(options.flushDeadlineMs ?? FLUSH_DEADLINE_MS);
      await closeDb();
      log.info(
        { signal, tookMs: Date.now() - (startedAt ?? 0), batchedWrites: batchedWriteStats() },
        "stopped",
      );
      clearTimeout(forced);
      exit(0);
    } catch (error) {
      log.error({ err: error, signal }, "shutdown failed");
      exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  return drain;
}
