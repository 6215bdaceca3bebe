import { getDb } from "@/lib/db/client";
import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/shutdown-tasks";
import { auditRetentionDays } from "./audit-retention";
import { pruneAuditEvents } from "./prune-audit-events";

const log = logFor("audit");

/** How often a server process prunes: an event outlives its retention by this much at most. */
export const AUDIT_RETENTION_INTERVAL_MS = 60 * 60_000;
/** The first prune waits this long after start, out of the way of a server warming up. */
const FIRST_PRUNE_DELAY_MS = 60_000;

/**
 * Prunes the audit log in the background (prune-audit-events.ts): a minute after start, then
 * every hour, each look a few indexed statements when there is nothing to delete. Several
 * processes share the work (SKIP LOCKED). Stopped on shutdown, after the prune in progress.
 */
export function watchAuditRetention(intervalMs = AUDIT_RETENTION_INTERVAL_MS): () => Promise<void> {
  const retentionDays = auditRetentionDays();
  let running: Promise<void> | null = null;
  const prune = async () => {
    try {
      const pruned = await pruneAuditEvents(await getDb(), { retentionDays });
      if (pruned > 0) log.info({ pruned, retentionDays }, "removed audit events past their retention");
    } catch (error) {
      // Nothing is lost by waiting: the next look finds the same events.
      if (asDatabaseUnavailable(error)) log.warn({ err: error }, "could not prune the audit log");
      else log.error({ err: error }, "pruning the audit log failed");
    }
  };
  const look = () => {
    // A prune still running (a slow database, a first large backlog) is not joined by another.
    if (running) return;
    running = prune().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(look, Math.min(FIRST_PRUNE_DELAY_MS, intervalMs));
  const timer = setInterval(look, intervalMs);
  first.unref();
  timer.unref();
  const stop = async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
  onShutdown(stop);
  return stop;
}
