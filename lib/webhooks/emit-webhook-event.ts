import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { isWebhookEventType, type WebhookEventType } from "./webhook-event-catalogue";
import { insertDeliveries, insertWebhookMessage } from "./webhook-message";

export interface EmitWebhookEventOptions {
  /**
   * Makes the emit happen at most once per organization and key ("token T expiring in 7 days"):
   * a second emit with the same key writes nothing and returns null.
   */
  idempotencyKey?: string;
  /** When the event happened (the body's `timestamp`); now by default. */
  now?: Date;
}

export interface EmittedWebhookEvent {
  /** The `webhook-id` every delivery of this event carries. */
  messageId: string;
  /** How many enabled endpoints subscribe to the event, so will be sent it. */
  deliveryCount: number;
}

/**
 * Tells the organization's webhook endpoints that `type` happened, with `data` as the body's
 * `data`. Writes the message and one delivery per enabled endpoint subscribed to the type, in
 * the caller's transaction when `executor` is one (a savepoint in it), so the event goes out
 * if and only if the caller's change commits. Nothing is sent here: the relay hands the
 * deliveries to the job queue once they are committed, and each is delivered once, whichever
 * and however many processes run the queue.
 *
 * `data` is sent as it is: callers put in names, ids and dates, never a secret.
 */
export async function emitWebhookEvent(
  executor: Executor,
  organizationId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  options: EmitWebhookEventOptions = {},
): Promise<EmittedWebhookEvent | null> {
  if (!isWebhookEventType(type)) throw new Error(`unknown webhook event type "${String(type)}"`);
  const now = options.now ?? new Date();
  return executor.transaction(async (tx) => {
    const messageId = await insertWebhookMessage(tx, {
      organizationId,
      type,
      data,
      occurredAt: now,
      idempotencyKey: options.idempotencyKey,
    });
    if (messageId === null) return null;
    const subscribed = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.organizationId, organizationId),
          eq(webhookEndpoints.enabled, true),
          sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([type])}::jsonb`,
        ),
      );
    const deliveries = await insertDeliveries(tx, {
      organizationId,
      messageId,
      endpointIds: subscribed.map((endpoint) => endpoint.id),
      trigger: "event",
      dueAt: now,
    });
    return { messageId, deliveryCount: deliveries.length };
  });
}
