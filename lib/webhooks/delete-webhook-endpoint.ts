import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import {
  endpointColumns,
  endpointOfOrganization,
  WEBHOOK_ENDPOINT_TARGET_TYPE,
  type WebhookEndpointRecord,
} from "./webhook-endpoint-record";
import { type EndpointReference, endpointReferenceSchema } from "./webhook-schemas";

/**
 * Deletes an endpoint with its sealed secrets and its delivery log; a delivery in flight
 * finds nothing to record and is dropped. Audited. Null when the organization has no such endpoint.
 */
export async function deleteWebhookEndpoint(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: EndpointReference,
): Promise<WebhookEndpointRecord | null> {
  const { endpointId } = endpointReferenceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const [endpoint] = await tx
      .delete(webhookEndpoints)
      .where(endpointOfOrganization(organizationId, endpointId))
      .returning(endpointColumns);
    if (!endpoint) return null;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.deleted,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: { url: endpoint.url, eventTypes: endpoint.eventTypes },
    });
    return endpoint;
  });
}
