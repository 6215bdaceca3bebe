import { randomUUID } from "node:crypto";
import type { Executor } from "@/lib/db/client";
import { type WebhookDeliveryTrigger, webhookDeliveries, webhookMessages } from "@/lib/db/schema";
import type { WebhookMessageType } from "./webhook-event-catalogue";

/**
 * Writing a message and its deliveries: the outbox rows that emitting, "Send test event" and
 * "Redeliver" leave for the relay (queue/relay-webhook-deliveries.ts) to hand to the queue.
 */

/** `msg_` and 32 hex characters: the `webhook-id` header, unique per message. */
export function newMessageId(): string {
  return `msg_${randomUUID().replace(/-/g, "")}`;
}

export interface NewMessage {
  organizationId: string;
  type: WebhookMessageType;
  data: Record<string, unknown>;
  occurredAt: Date;
  idempotencyKey?: string;
}

/** Inserts the message; null when its idempotency key was used before in the organization. */
export async function insertWebhookMessage(executor: Executor, message: NewMessage): Promise<string | null> {
  const [inserted] = await executor
    .insert(webhookMessages)
    .values({
      id: newMessageId(),
      organizationId: message.organizationId,
      type: message.type,
      data: message.data,
      occurredAt: message.occurredAt,
      idempotencyKey: message.idempotencyKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: webhookMessages.id });
  return inserted?.id ?? null;
}

/** One pending delivery of the message to each endpoint, due at `dueAt`; their ids. */
export async function insertDeliveries(
  executor: Executor,
  delivery: {
    organizationId: string;
    messageId: string;
    endpointIds: readonly string[];
    trigger: WebhookDeliveryTrigger;
    dueAt: Date;
  },
): Promise<string[]> {
  if (delivery.endpointIds.length === 0) return [];
  const rows = await executor
    .insert(webhookDeliveries)
    .values(
      delivery.endpointIds.map((endpointId) => ({
        organizationId: delivery.organizationId,
        endpointId,
        messageId: delivery.messageId,
        trigger: delivery.trigger,
        status: "pending" as const,
        nextAttemptAt: delivery.dueAt,
        createdAt: delivery.dueAt,
      })),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.map((row) => row.id);
}
