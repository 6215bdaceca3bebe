import { and, eq } from "drizzle-orm";
import { webhookEndpoints } from "@/lib/db/schema";

/**
 * The columns of an endpoint that leave the domain layer: everything but the sealed secrets,
 * so a record is safe to render, log or send to a browser.
 */
export const endpointColumns = {
  id: webhookEndpoints.id,
  organizationId: webhookEndpoints.organizationId,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  disabledBy: webhookEndpoints.disabledBy,
  disabledAt: webhookEndpoints.disabledAt,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  secretCreatedAt: webhookEndpoints.secretCreatedAt,
  failingSince: webhookEndpoints.failingSince,
  lastSuccessAt: webhookEndpoints.lastSuccessAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export type WebhookEndpointRecord = {
  [K in keyof typeof endpointColumns]: (typeof webhookEndpoints.$inferSelect)[K];
};

export const WEBHOOK_ENDPOINT_TARGET_TYPE = "webhook_endpoint";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID names no endpoint (and must not reach a uuid column as text). */
export function isWellFormedId(id: string): boolean {
  return UUID.test(id);
}

/** The one way to name an endpoint: by its organization and its id. */
export function endpointOfOrganization(organizationId: string, endpointId: string) {
  return and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, endpointId));
}
