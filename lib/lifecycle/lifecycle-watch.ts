import { disableIdleClients, warnIdleClients } from "@/lib/clients/idle-client-policy";
import { getDb } from "@/lib/db/client";
import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/shutdown-tasks";
import { sendExpiryNotices } from "./expiry-notices";
import { sendUnusedPermissionsSummaries } from "./unused-permissions";

const log = logFor("lifecycle");

/** How often a server process applies the credential lifecycle policies: each step is this late at most. */
export const LIFECYCLE_WATCH_INTERVAL_MS = 10 * 60_000;

/**
 * Applies the credential lifecycle policies every ten minutes: expiry notices (each once per
 * threshold), the idle-client warning (once per idle period), the idle-client disable and the
 * weekly unused-permissions summary (once per ISO week). Each
 * step is safe with several processes; a pass still running (a slow database) is not joined
 * by another. Stopped on shutdown before the database closes, after the pass in progress.
 */
export function watchCredentialLifecycles(intervalMs = LIFECYCLE_WATCH_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pass = async () => {
    try {
      const db = await getDb();
      const notices = await sendExpiryNotices(db);
      const warned = await warnIdleClients(db);
      const disabled = await disableIdleClients(db);
      const summaries = await sendUnusedPermissionsSummaries(db);
      if (notices + warned + disabled.length + summaries > 0)
        log.info(
          { notices, warned, disabled: disabled.length, summaries },
          "applied the credential lifecycle policies",
        );
    } catch (error) {
      // Nothing is lost: every step finds the same work again on the next pass.
      if (asDatabaseUnavailable(error))
        log.warn({ err: error }, "could not apply the credential lifecycle policies");
      else log.error({ err: error }, "applying the credential lifecycle policies failed");
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = pass().finally(() => {
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
