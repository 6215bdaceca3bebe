import { and, eq, sql } from "drizzle-orm";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import { cancelPendingDeliveries } from "./cancel-pending-deliveries";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import { WEBHOOK_ENDPOINT_TARGET_TYPE } from "./webhook-endpoint-record";
import { DISABLE_FAILING_ENDPOINT_AFTER_MS } from "./webhook-retry-schedule";

interface EndpointOf {
  organizationId: string;
  endpointId: string;
}

/** A 2xx answer: the endpoint works, its failure streak ends. */
export async function recordEndpointSuccess(executor: Executor, of: EndpointOf, at: Date): Promise<void> {
  await executor
    .update(webhookEndpoints)
    .set({ failingSince: null, lastSuccessAt: at })
    .where(
      and(eq(webhookEndpoints.organizationId, of.organizationId), eq(webhookEndpoints.id, of.endpointId)),
    );
}

/**
 * A failed attempt: the streak starts at the first failure after the last success. An enabled
 * endpoint whose every attempt has failed for 5 days is disabled here, by Latchkey, with the
 * reason; its waiting deliveries are cancelled and it is audited. The administrators are told
 * by the notice on the Webhooks page and the dashboard (listEndpointsDisabledForFailing).
 * The update is conditional, so of two attempts failing at once only one disables and audits.
 * Returns whether this failure disabled the endpoint.
 */
export async function recordEndpointFailure(
  executor: Executor,
  of: EndpointOf,
  failure: { startedAt: Date; finishedAt: Date; error: string | null },
): Promise<boolean> {
  const [streak] = await executor
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${failure.startedAt.toISOString()}::timestamptz)`,
    })
    .where(
      and(eq(webhookEndpoints.organizationId, of.organizationId), eq(webhookEndpoints.id, of.endpointId)),
    )
    .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
  if (!streak?.enabled || !streak.failingSince) return false;
  if (failure.finishedAt.getTime() - streak.failingSince.getTime() < DISABLE_FAILING_ENDPOINT_AFTER_MS)
    return false;
  const [disabled] = await executor
    .update(webhookEndpoints)
    .set({
      enabled: false,
      disabledReason: "failing",
      disabledBy: SYSTEM_ACTOR.label,
      disabledAt: failure.finishedAt,
      updatedAt: failure.finishedAt,
    })
    .where(
      and(
        eq(webhookEndpoints.organizationId, of.organizationId),
        eq(webhookEndpoints.id, of.endpointId),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
  if (!disabled) return false;
  const cancelled = await cancelPendingDeliveries(
    executor,
    of.organizationId,
    of.endpointId,
    failure.finishedAt,
  );
  await recordAuditEvent(executor, {
    organizationId: of.organizationId,
    actor: SYSTEM_ACTOR,
    action: WEBHOOK_AUDIT_ACTIONS.disabled,
    targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
    targetId: disabled.id,
    details: {
      url: disabled.url,
      reason: "failing",
      failingSince: streak.failingSince.toISOString(),
      lastError: failure.error,
      cancelledDeliveries: cancelled,
    },
  });
  return true;
}
