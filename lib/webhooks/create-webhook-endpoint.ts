import { randomUUID } from "node:crypto";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { assertEndpointUrlAllowed, type EndpointUrlGuard } from "./endpoint-url-guard";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import {
  endpointColumns,
  WEBHOOK_ENDPOINT_TARGET_TYPE,
  type WebhookEndpointRecord,
} from "./webhook-endpoint-record";
import { type CreateWebhookEndpointInput, webhookEndpointSchemas } from "./webhook-schemas";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

export interface EndpointWithSecret {
  endpoint: WebhookEndpointRecord;
  /** The signing secret in clear: shown once, then only its sealed form exists. */
  secret: string;
}

/**
 * Registers an endpoint of the organization, enabled, with a new signing secret sealed under
 * the organization's data key, and audits it (without the secret) in the same transaction.
 * The URL passes the guard's network check first, outside the transaction (it resolves names).
 */
export async function createWebhookEndpoint(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: CreateWebhookEndpointInput,
  guard: EndpointUrlGuard,
): Promise<EndpointWithSecret> {
  const values = webhookEndpointSchemas(guard).create.parse(input);
  await assertEndpointUrlAllowed(guard, values.url);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const by = actor.type === "user" ? actor.id : null;
  return executor.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        organizationId,
        url: values.url,
        description: values.description,
        eventTypes: values.eventTypes,
        encryptedSecret: await sealWebhookSecret(tx, { organizationId, rowId: id }, secret),
        createdBy: by,
        updatedBy: by,
      })
      .returning(endpointColumns);
    if (!endpoint) throw new Error("webhook endpoint insert returned nothing");
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.created,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes },
    });
    return { endpoint, secret };
  });
}
