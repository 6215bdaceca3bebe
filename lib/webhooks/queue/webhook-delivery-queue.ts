import type PgBoss from "pg-boss";
import { createQueueRetrying } from "@/lib/data-flows/queue/create-queue-retrying";
import type { Executor } from "@/lib/db/client";
import { logFor } from "@/lib/log/logger";
import { attemptWebhookDelivery, type DeliveryJob } from "../attempt-webhook-delivery";
import {
  attemptLeaseMs,
  resolveDeliveryOptions,
  type WebhookDeliveryOptions,
} from "../webhook-delivery-options";
import {
  queueRetry,
  type RelayResult,
  relayDueWebhookDeliveries,
  type SendDeliveryJob,
} from "./relay-webhook-deliveries";

/**
 * Webhook deliveries as durable pg-boss jobs, on the pg-boss instance the data flow queue
 * starts (data-flow-queue.ts), so on PostgreSQL and on the embedded database alike. One job is
 * one attempt of one delivery; the deliveries themselves live in webhook_deliveries, which is
 * where exactly-once is decided (claimDeliveryAttempt), so a job sent twice or handled by two
 * processes sends once. Every minute a pg-boss schedule wakes the relay, which queues what is
 * due; "Send test event" and "Redeliver" wake it at once (relayNow), after their commit.
 */
export const WEBHOOK_DELIVERIES_QUEUE = "latchkey-webhook-deliveries";
export const WEBHOOK_RELAY_QUEUE = "latchkey-webhook-relay";
/** Attempts a worker makes at once: a slow endpoint does not hold up every other. */
const BATCH_SIZE = 10;

export interface WebhookQueueOptions extends WebhookDeliveryOptions {
  pollingIntervalSeconds?: number;
  /** Start the every-minute relay schedule (default true). */
  schedule?: boolean;
}

export interface WebhookDeliveryQueue {
  /** Queues the deliveries that are due now (and records vanished attempts); for after a commit. */
  relayNow(): Promise<RelayResult>;
}

export async function startWebhookDeliveryQueue(
  boss: PgBoss,
  db: Executor,
  options: WebhookQueueOptions = {},
): Promise<WebhookDeliveryQueue> {
  const log = logFor("webhooks");
  const delivery = resolveDeliveryOptions(options);
  const schedule = options.schedule ?? true;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  // A job whose process died is retried once it expires; the claim makes that harmless.
  const jobOptions = {
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: Math.ceil(attemptLeaseMs(delivery.timeoutMs) / 1000),
  };
  await createQueueRetrying(boss, { name: WEBHOOK_DELIVERIES_QUEUE, ...jobOptions });
  await createQueueRetrying(boss, { name: WEBHOOK_RELAY_QUEUE, policy: "singleton" });

  const send: SendDeliveryJob = async (job, startAfter) => {
    await boss.send(WEBHOOK_DELIVERIES_QUEUE, job, { ...jobOptions, ...(startAfter ? { startAfter } : {}) });
  };
  const relayNow = () =>
    relayDueWebhookDeliveries(db, send, { now: delivery.now, retryDelaysMs: delivery.retryDelaysMs });

  async function attempt(job: DeliveryJob): Promise<void> {
    const outcome = await attemptWebhookDelivery(db, job, delivery);
    if (outcome.kind !== "attempted") return;
    if (outcome.endpointDisabled)
      log.warn({ deliveryId: job.deliveryId }, "webhook endpoint disabled after failing for 5 days");
    if (outcome.status === "pending" && outcome.nextAttemptAt)
      await queueRetry(
        db,
        { deliveryId: job.deliveryId, attempt: job.attempt + 1 },
        outcome.nextAttemptAt,
        send,
      );
  }

  await boss.work<DeliveryJob>(
    WEBHOOK_DELIVERIES_QUEUE,
    { ...polling, batchSize: BATCH_SIZE },
    async (jobs) => {
      // Each attempt's state is its delivery row, not its job: one that fails here is picked up
      // again by the relay (its lease runs out, or its queued mark goes stale), so the batch
      // completes whatever happened to any one of them.
      const results = await Promise.allSettled(jobs.map((job) => attempt(job.data)));
      results.forEach((result, index) => {
        if (result.status === "rejected")
          log.error(
            { err: result.reason, deliveryId: jobs[index]?.data.deliveryId },
            "webhook delivery attempt failed",
          );
      });
    },
  );
  await boss.work(WEBHOOK_RELAY_QUEUE, polling, async () => {
    await relayNow();
  });
  if (schedule) {
    await boss.schedule(WEBHOOK_RELAY_QUEUE, "* * * * *", {}, { tz: "UTC" });
    // What came due while no server ran goes out now, not at the first tick.
    try {
      await relayNow();
    } catch (error) {
      log.error({ err: error }, "could not queue the due webhook deliveries at start");
    }
  }
  return { relayNow };
}
