import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { assertEndpointUrlAllowed, type EndpointUrlGuard } from "./endpoint-url-guard";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import {
  endpointColumns,
  endpointOfOrganization,
  WEBHOOK_ENDPOINT_TARGET_TYPE,
  type WebhookEndpointRecord,
} from "./webhook-endpoint-record";
import { type UpdateWebhookEndpointInput, webhookEndpointSchemas } from "./webhook-schemas";

type Changes = Record<string, { from: unknown; to: unknown }>;

function changesBetween(
  before: WebhookEndpointRecord,
  after: Pick<WebhookEndpointRecord, "url" | "description" | "eventTypes">,
): Changes {
  const changes: Changes = {};
  if (before.url !== after.url) changes.url = { from: before.url, to: after.url };
  if (before.description !== after.description)
    changes.description = { from: before.description, to: after.description };
  if (before.eventTypes.join(",") !== after.eventTypes.join(","))
    changes.eventTypes = { from: before.eventTypes, to: after.eventTypes };
  return changes;
}

/**
 * The URL, description and events of an endpoint. A new URL passes the guard's network check
 * first. Audited with what changed, from and to; a save that changes nothing writes nothing.
 * Null when the organization has no such endpoint.
 */
export async function updateWebhookEndpoint(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: UpdateWebhookEndpointInput,
  guard: EndpointUrlGuard,
): Promise<WebhookEndpointRecord | null> {
  const values = webhookEndpointSchemas(guard).update.parse(input);
  const current = await findWebhookEndpoint(executor, organizationId, values.endpointId);
  if (!current) return null;
  if (current.url !== values.url) await assertEndpointUrlAllowed(guard, values.url);
  return executor.transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, organizationId, values.endpointId, { forUpdate: true });
    if (!before) return null;
    // Checked above against the URL read then; a URL changed meanwhile is checked again here.
    if (before.url !== values.url && before.url !== current.url)
      await assertEndpointUrlAllowed(guard, values.url);
    const changes = changesBetween(before, values);
    if (Object.keys(changes).length === 0) return before;
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({
        url: values.url,
        description: values.description,
        eventTypes: values.eventTypes,
        updatedBy: actor.type === "user" ? actor.id : null,
        updatedAt: new Date(),
      })
      .where(endpointOfOrganization(organizationId, values.endpointId))
      .returning(endpointColumns);
    if (!endpoint) return null;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.updated,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: { changes },
    });
    return endpoint;
  });
}
