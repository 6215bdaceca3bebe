import { getDb } from "@/lib/db/client";
import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/shutdown-tasks";
import { recordLapsedSecretGraces } from "./record-lapsed-secret-graces";

const log = logFor("clients");

/** How often a server process looks for grace periods that ended: the audit entry is this late at most. */
export const SECRET_GRACE_WATCH_INTERVAL_MS = 60_000;

/**
 * Looks every minute for old client secrets whose grace period ended and records each in the
 * audit log (record-lapsed-secret-graces.ts). One cheap indexed query a minute per process;
 * several processes record each lapse once between them. Stopped on shutdown before the
 * database closes, after the look in progress.
 */
export function watchSecretGraces(intervalMs = SECRET_GRACE_WATCH_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const look = async () => {
    try {
      const recorded = await recordLapsedSecretGraces(await getDb());
      if (recorded > 0) log.info({ recorded }, "recorded old client secrets whose grace period ended");
    } catch (error) {
      // Nothing is lost: the next look finds the same secrets still unmarked.
      if (asDatabaseUnavailable(error)) log.warn({ err: error }, "could not look for ended grace periods");
      else log.error({ err: error }, "looking for ended grace periods failed");
    }
  };
  const timer = setInterval(() => {
    // A look still running (a slow database) is not joined by another.
    if (running) return;
    running = look().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
  };
  onShutdown(stop);
  return stop;
}
