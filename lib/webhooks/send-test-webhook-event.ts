import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import { WEBHOOK_ENDPOINT_TARGET_TYPE } from "./webhook-endpoint-record";
import { WEBHOOK_TEST_EVENT } from "./webhook-event-catalogue";
import { insertDeliveries, insertWebhookMessage } from "./webhook-message";
import { type EndpointReference, endpointReferenceSchema } from "./webhook-schemas";

export interface QueuedDelivery {
  deliveryId: string;
  messageId: string;
}

/**
 * "Send test event": a `webhook.test` message to this endpoint alone, whatever events it
 * subscribes to and even while it is disabled (to check a receiver before enabling it again).
 * It is delivered, signed and retried like any other. Audited. Null when the organization has
 * no such endpoint.
 */
export async function sendTestWebhookEvent(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: EndpointReference,
  now: Date = new Date(),
): Promise<QueuedDelivery | null> {
  const { endpointId } = endpointReferenceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, organizationId, endpointId);
    if (!endpoint) return null;
    const messageId = await insertWebhookMessage(tx, {
      organizationId,
      type: WEBHOOK_TEST_EVENT,
      data: { endpointId: endpoint.id, sentBy: actor.label },
      occurredAt: now,
    });
    if (messageId === null) throw new Error("test message insert returned nothing");
    const [deliveryId] = await insertDeliveries(tx, {
      organizationId,
      messageId,
      endpointIds: [endpoint.id],
      trigger: "test",
      dueAt: now,
    });
    if (!deliveryId) throw new Error("test delivery insert returned nothing");
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.testSent,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: { url: endpoint.url, messageId, deliveryId },
    });
    return { deliveryId, messageId };
  });
}
