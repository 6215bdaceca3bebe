import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries, webhookEndpoints, webhookMessages } from "@/lib/db/schema";

/** What one attempt needs, read when the worker claims it. The sealed secrets stay sealed here. */
export interface ClaimedAttempt {
  deliveryId: string;
  organizationId: string;
  endpointId: string;
  attempt: number;
  messageId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  endpoint: {
    url: string;
    enabled: boolean;
    encryptedSecret: string;
    encryptedPreviousSecret: string | null;
    previousSecretExpiresAt: Date | null;
  };
}

/**
 * Takes attempt `attempt` of the delivery for this worker: moves the row from pending (with
 * attempt - 1 made) to sending (with `attempt` made), in one conditional update. Of any number
 * of workers handed the same attempt (a job sent twice, two processes' relays), exactly one
 * gets a row back; the others get null and send nothing.
 */
export async function claimDeliveryAttempt(
  executor: Executor,
  deliveryId: string,
  attempt: number,
  now: Date,
  leaseMs: number,
): Promise<ClaimedAttempt | null> {
  const [claimed] = await executor
    .update(webhookDeliveries)
    .set({
      status: "sending",
      attemptCount: attempt,
      leaseExpiresAt: new Date(now.getTime() + leaseMs),
      lastAttemptAt: now,
    })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, "pending"),
        eq(webhookDeliveries.attemptCount, attempt - 1),
      ),
    )
    .returning({
      deliveryId: webhookDeliveries.id,
      organizationId: webhookDeliveries.organizationId,
      endpointId: webhookDeliveries.endpointId,
      messageId: webhookDeliveries.messageId,
    });
  if (!claimed) return null;
  const [row] = await executor
    .select({
      type: webhookMessages.type,
      data: webhookMessages.data,
      occurredAt: webhookMessages.occurredAt,
      url: webhookEndpoints.url,
      enabled: webhookEndpoints.enabled,
      encryptedSecret: webhookEndpoints.encryptedSecret,
      encryptedPreviousSecret: webhookEndpoints.encryptedPreviousSecret,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
    })
    .from(webhookMessages)
    .innerJoin(
      webhookEndpoints,
      and(
        eq(webhookEndpoints.id, claimed.endpointId),
        eq(webhookEndpoints.organizationId, claimed.organizationId),
      ),
    )
    .where(
      and(
        eq(webhookMessages.id, claimed.messageId),
        eq(webhookMessages.organizationId, claimed.organizationId),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { type, data, occurredAt, ...endpoint } = row;
  return { ...claimed, attempt, type, data, occurredAt, endpoint };
}
