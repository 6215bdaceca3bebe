import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { cancelPendingDeliveries } from "./cancel-pending-deliveries";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import {
  endpointColumns,
  endpointOfOrganization,
  WEBHOOK_ENDPOINT_TARGET_TYPE,
  type WebhookEndpointRecord,
} from "./webhook-endpoint-record";
import { type SetEndpointEnabledInput, setEndpointEnabledSchema } from "./webhook-schemas";

/**
 * "Enable endpoint" / "Disable endpoint". Disabling records who did it and cancels the
 * deliveries still waiting; enabling clears the reason and the failure streak, so an endpoint
 * Latchkey disabled gets five days again. Audited; asking for the state it already has changes
 * and records nothing. Null when the organization has no such endpoint.
 */
export async function setWebhookEndpointEnabled(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: SetEndpointEnabledInput,
  now: Date = new Date(),
): Promise<WebhookEndpointRecord | null> {
  const values = setEndpointEnabledSchema.parse(input);
  return executor.transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, organizationId, values.endpointId, { forUpdate: true });
    if (!before) return null;
    if (before.enabled === values.enabled) return before;
    const state = values.enabled
      ? { enabled: true, disabledReason: null, disabledBy: null, disabledAt: null, failingSince: null }
      : { enabled: false, disabledReason: "manual" as const, disabledBy: actor.label, disabledAt: now };
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ ...state, updatedBy: actor.type === "user" ? actor.id : null, updatedAt: now })
      .where(endpointOfOrganization(organizationId, values.endpointId))
      .returning(endpointColumns);
    if (!endpoint) return null;
    const cancelled = values.enabled
      ? 0
      : await cancelPendingDeliveries(tx, organizationId, endpoint.id, now);
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: values.enabled ? WEBHOOK_AUDIT_ACTIONS.enabled : WEBHOOK_AUDIT_ACTIONS.disabled,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: values.enabled
        ? { url: endpoint.url, previouslyDisabled: before.disabledReason }
        : { url: endpoint.url, reason: "manual", cancelledDeliveries: cancelled },
    });
    return endpoint;
  });
}
