import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";

export const CANCELLED_ENDPOINT_DISABLED = "Not sent: the endpoint was disabled";

/**
 * When an endpoint is disabled, its deliveries waiting for an attempt are not sent: they are
 * marked cancelled (each can still be redelivered once the endpoint is enabled again). An
 * attempt in flight finishes; the worker cancels what it finds disabled when its turn comes.
 */
export async function cancelPendingDeliveries(
  executor: Executor,
  organizationId: string,
  endpointId: string,
  now: Date,
): Promise<number> {
  const cancelled = await executor
    .update(webhookDeliveries)
    .set({
      status: "cancelled",
      nextAttemptAt: null,
      completedAt: now,
      lastError: CANCELLED_ENDPOINT_DISABLED,
    })
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, "pending"),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return cancelled.length;
}
