import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries, webhookMessages } from "@/lib/db/schema";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import type { QueuedDelivery } from "./send-test-webhook-event";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import { WEBHOOK_ENDPOINT_TARGET_TYPE } from "./webhook-endpoint-record";
import { EndpointDisabledError } from "./webhook-errors";
import { WEBHOOK_TEST_EVENT } from "./webhook-event-catalogue";
import { insertDeliveries } from "./webhook-message";
import { type RedeliverInput, redeliverSchema } from "./webhook-schemas";

/**
 * "Redeliver": the delivery's message again, as a new delivery to the same endpoint with the
 * same `webhook-id` (so a receiver that already has it can tell), attempted and retried anew.
 * Refused with EndpointDisabledError while the endpoint is disabled, unless it is a test event.
 * Audited. Null when the organization has no such endpoint, or the endpoint no such delivery.
 */
export async function redeliverWebhookDelivery(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: RedeliverInput,
  now: Date = new Date(),
): Promise<QueuedDelivery | null> {
  const values = redeliverSchema.parse(input);
  return executor.transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, organizationId, values.endpointId);
    if (!endpoint) return null;
    const [original] = await tx
      .select({
        id: webhookDeliveries.id,
        messageId: webhookDeliveries.messageId,
        type: webhookMessages.type,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
      .where(
        and(
          eq(webhookDeliveries.organizationId, organizationId),
          eq(webhookDeliveries.endpointId, endpoint.id),
          eq(webhookDeliveries.id, values.deliveryId),
        ),
      )
      .limit(1);
    if (!original) return null;
    if (!endpoint.enabled && original.type !== WEBHOOK_TEST_EVENT) throw new EndpointDisabledError();
    const [deliveryId] = await insertDeliveries(tx, {
      organizationId,
      messageId: original.messageId,
      endpointIds: [endpoint.id],
      trigger: "redeliver",
      dueAt: now,
    });
    if (!deliveryId) throw new Error("redelivery insert returned nothing");
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.redelivered,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: {
        url: endpoint.url,
        eventType: original.type,
        messageId: original.messageId,
        redeliveryOf: original.id,
        deliveryId,
      },
    });
    return { deliveryId, messageId: original.messageId };
  });
}
