import { getDb } from "@/lib/db/client";
import { logFor } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/shutdown-tasks";
import { BatchedWriter, sharedWriter } from "./batched-writer";
import { UsageAggregator, type UsageSnapshot, type UsageStats } from "./usage-aggregator";
import type { UsageEvent } from "./usage-event";
import { pruneUsage } from "./usage-retention";
import { writeUsageSnapshot } from "./usage-rollup-writer";

const log = logFor("usage");

/** Counts are handed to the writer this often: usage pages lag the traffic by about this much. */
export const USAGE_FLUSH_INTERVAL_MS = 5000;
/** Old rollup rows are pruned at most this often per process. */
const PRUNE_INTERVAL_MS = 3_600_000;

interface UsageState {
  aggregator: UsageAggregator;
  timer: NodeJS.Timeout | undefined;
  intervalMs: number;
  /** Whether a shutdown task is registered to hand over what is held (once per process stop). */
  shutdownTask: boolean;
  prunedAt: number;
}

/** One aggregator per process, shared by every copy of the module (start script, Next bundle). */
const STATE = Symbol.for("latchkey.usage.rollups");
function state(): UsageState {
  const store = globalThis as typeof globalThis & { [STATE]?: UsageState };
  store[STATE] ??= {
    aggregator: new UsageAggregator(),
    timer: undefined,
    intervalMs: USAGE_FLUSH_INTERVAL_MS,
    shutdownTask: false,
    prunedAt: 0,
  };
  return store[STATE];
}

async function writeSnapshots(snapshots: UsageSnapshot[]): Promise<void> {
  const db = await getDb();
  for (const snapshot of snapshots) await writeUsageSnapshot(db, snapshot);
  const current = state();
  if (Date.now() - current.prunedAt < PRUNE_INTERVAL_MS) return;
  current.prunedAt = Date.now();
  // Retention is housekeeping: its failure must not count the batch as failed.
  await pruneUsage(db).catch((error: unknown) =>
    log.warn({ err: error }, "usage: pruning old rollups failed"),
  );
}

/** Snapshots per batch: the writer holds twenty batches at most, 40,000 counters. */
const SNAPSHOTS_PER_BATCH = 4;

/**
 * The batched writer's rows are snapshots, each written in its own transaction: it retries a
 * batch while the database is away (writing a snapshot twice adds nothing, see
 * usage-rollup-writer.ts), holds a bounded number, and is flushed on shutdown with every other
 * writer.
 */
function writer(): BatchedWriter<UsageSnapshot> {
  return sharedWriter(
    "usage-rollups",
    () => new BatchedWriter<UsageSnapshot>("usage-rollups", writeSnapshots, SNAPSHOTS_PER_BATCH),
  );
}

/** Hands what the aggregator counted to the writer. */
function handOver(current: UsageState): void {
  if (current.timer) clearTimeout(current.timer);
  current.timer = undefined;
  for (const snapshot of current.aggregator.drain()) writer().add(snapshot);
}

/**
 * Counts one request for usage analytics: an update in memory, nothing on the request path.
 * Counts are written every few seconds and when the server stops (lib/server/shutdown-tasks:
 * the shutdown hands them to the writer, which the shutdown then flushes).
 */
export function recordUsage(event: UsageEvent): void {
  const current = state();
  current.aggregator.add(event);
  if (!current.timer) {
    current.timer = setTimeout(() => handOver(current), current.intervalMs);
    current.timer.unref();
  }
  if (!current.shutdownTask) {
    current.shutdownTask = true;
    onShutdown(async () => {
      current.shutdownTask = false;
      handOver(current);
    });
  }
}

/** Writes everything counted so far; resolves once it is written (or given up on). */
export function flushUsage(): Promise<void> {
  handOver(state());
  return writer().flush();
}

/**
 * Changes how often counts are handed to the writer. For process tests: with a long interval,
 * only the shutdown hands them over, so a test can tell that it does.
 */
export function setUsageFlushInterval(intervalMs: number): void {
  state().intervalMs = intervalMs;
}

/** What usage counting did in this process: counted, dropped (memory bound), counters held. */
export function usageStats(): UsageStats {
  return state().aggregator.stats();
}
