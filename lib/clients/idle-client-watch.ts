import { getDb } from "@/lib/db/client";
import { asDatabaseUnavailable } from "@/lib/db/errors";
import { logFor } from "@/lib/log/logger";
import { onShutdown } from "@/lib/server/shutdown-tasks";
import { disableIdleClients, warnIdleClients } from "./idle-client-policy";

const log = logFor("clients");

/** How often a server process applies the idle-client policy: a client is disabled this late at most. */
export const IDLE_CLIENT_WATCH_INTERVAL_MS = 10 * 60_000;

/**
 * Applies the idle-client policy every ten minutes (disableIdleClients): one query for the
 * organizations with a policy, one update each. Several processes disable each client once
 * between them. Stopped on shutdown before the database closes, after the pass in progress.
 */
export function watchIdleClients(intervalMs = IDLE_CLIENT_WATCH_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pass = async () => {
    try {
      const disabled = await disableIdleClients(await getDb());
      if (disabled.length > 0)
        log.info({ disabled: disabled.length }, "disabled clients unused for too long");
    } catch (error) {
      if (asDatabaseUnavailable(error)) log.warn({ err: error }, "could not apply the idle-client policy");
      else log.error({ err: error }, "applying the idle-client policy failed");
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
