import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import {
  type WebhookDeliveryStatus,
  type WebhookDeliveryTrigger,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  webhookMessages,
} from "@/lib/db/schema";
import { endpointColumns, isWellFormedId, type WebhookEndpointRecord } from "./webhook-endpoint-record";

/** What the console reads about endpoints and their deliveries; every query is scoped to one organization. */

export interface LastDelivery {
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  statusCode: number | null;
  at: Date;
}

export type WebhookEndpointListItem = WebhookEndpointRecord & { lastDelivery: LastDelivery | null };

/** The organization's endpoints, oldest first, each with its latest delivery. */
export async function listWebhookEndpoints(
  executor: Executor,
  organizationId: string,
): Promise<WebhookEndpointListItem[]> {
  const endpoints = await executor
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  if (endpoints.length === 0) return [];
  const latest = await executor
    .selectDistinctOn([webhookDeliveries.endpointId], {
      endpointId: webhookDeliveries.endpointId,
      eventType: webhookMessages.type,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      statusCode: webhookDeliveries.lastStatusCode,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        inArray(
          webhookDeliveries.endpointId,
          endpoints.map((endpoint) => endpoint.id),
        ),
      ),
    )
    .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  const byEndpoint = new Map(latest.map((row) => [row.endpointId, row]));
  return endpoints.map((endpoint) => {
    const row = byEndpoint.get(endpoint.id);
    return {
      ...endpoint,
      lastDelivery: row
        ? {
            eventType: row.eventType,
            status: row.status,
            attemptCount: row.attemptCount,
            statusCode: row.statusCode,
            at: row.lastAttemptAt ?? row.createdAt,
          }
        : null,
    };
  });
}

export interface DeliveryAttemptView {
  attempt: number;
  startedAt: Date;
  outcome: "succeeded" | "failed";
  statusCode: number | null;
  responseMs: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

export interface DeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  trigger: WebhookDeliveryTrigger;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastResponseMs: number | null;
  lastError: string | null;
  createdAt: Date;
  attempts: DeliveryAttemptView[];
}

/** An endpoint's latest deliveries, newest first, each with its attempts in order. */
export async function listEndpointDeliveries(
  executor: Executor,
  organizationId: string,
  endpointId: string,
  limit = 50,
): Promise<DeliveryView[]> {
  if (!isWellFormedId(endpointId)) return [];
  const deliveries = await executor
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      eventType: webhookMessages.type,
      trigger: webhookDeliveries.trigger,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastResponseMs: webhookDeliveries.lastResponseMs,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(
      and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.endpointId, endpointId)),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  if (deliveries.length === 0) return [];
  const attempts = await executor
    .select({
      deliveryId: webhookDeliveryAttempts.deliveryId,
      attempt: webhookDeliveryAttempts.attempt,
      startedAt: webhookDeliveryAttempts.startedAt,
      outcome: webhookDeliveryAttempts.outcome,
      statusCode: webhookDeliveryAttempts.statusCode,
      responseMs: webhookDeliveryAttempts.responseMs,
      error: webhookDeliveryAttempts.error,
      nextAttemptAt: webhookDeliveryAttempts.nextAttemptAt,
    })
    .from(webhookDeliveryAttempts)
    .where(
      and(
        eq(webhookDeliveryAttempts.organizationId, organizationId),
        inArray(
          webhookDeliveryAttempts.deliveryId,
          deliveries.map((delivery) => delivery.id),
        ),
      ),
    )
    .orderBy(asc(webhookDeliveryAttempts.attempt));
  const byDelivery = new Map<string, DeliveryAttemptView[]>();
  for (const { deliveryId, ...attempt } of attempts) {
    const list = byDelivery.get(deliveryId) ?? [];
    list.push(attempt);
    byDelivery.set(deliveryId, list);
  }
  return deliveries.map((delivery) => ({ ...delivery, attempts: byDelivery.get(delivery.id) ?? [] }));
}

export interface DisabledEndpointNotice {
  id: string;
  url: string;
  disabledAt: Date | null;
  failingSince: Date | null;
}

/**
 * Endpoints Latchkey disabled for failing, which the administrators are told about on the
 * Webhooks page and the dashboard until someone enables or deletes them.
 */
export async function listEndpointsDisabledForFailing(
  executor: Executor,
  organizationId: string,
): Promise<DisabledEndpointNotice[]> {
  return executor
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
    })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, organizationId),
        eq(webhookEndpoints.enabled, false),
        eq(webhookEndpoints.disabledReason, "failing"),
      ),
    )
    .orderBy(desc(webhookEndpoints.disabledAt));
}
