import { startDataFlowWorker } from "@/lib/data-flows/queue/data-flow-worker";
import { logFor } from "@/lib/log/logger";
import type { WebhookDeliveryQueue } from "./webhook-delivery-queue";

/**
 * The server process's webhook deliveries run on its data flow worker's pg-boss (scripts/start.ts
 * starts it with the server; a process serving the console some other way starts it here).
 */
export async function getWebhookDeliveryQueue(): Promise<WebhookDeliveryQueue> {
  return (await startDataFlowWorker()).webhooks;
}

/**
 * After a console command committed deliveries: hand them to the queue now rather than at the
 * minute's tick. A failure here loses nothing (the tick queues them), so it is only logged.
 */
export async function deliverSoon(): Promise<void> {
  try {
    await (await getWebhookDeliveryQueue()).relayNow();
  } catch (error) {
    logFor("webhooks").error(
      { err: error },
      "could not queue webhook deliveries at once; the next tick will",
    );
  }
}
