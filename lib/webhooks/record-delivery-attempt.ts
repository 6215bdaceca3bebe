import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { type WebhookDeliveryStatus, webhookDeliveries, webhookDeliveryAttempts } from "@/lib/db/schema";
import { recordEndpointFailure, recordEndpointSuccess } from "./endpoint-health";
import type { AttemptResult } from "./post-webhook";
import { nextAttemptAt } from "./webhook-retry-schedule";

export interface AttemptOf {
  organizationId: string;
  deliveryId: string;
  endpointId: string;
  attempt: number;
}

export interface RecordedAttempt {
  status: WebhookDeliveryStatus;
  /** When the next attempt is due, if the delivery is waiting for one. */
  nextAttemptAt: Date | null;
  /** Whether this failure made Latchkey disable the endpoint. */
  endpointDisabled: boolean;
}

/**
 * Logs an attempt and moves its delivery on, in one transaction: succeeded; pending with the
 * next attempt's time; or failed, when it was the last. The endpoint's failure streak follows
 * (and may disable it). Only while the attempt is still in flight: if the relay has recorded
 * it as interrupted meanwhile (this worker was presumed gone), this writes nothing and returns null.
 */
export async function recordDeliveryAttempt(
  executor: Executor,
  of: AttemptOf,
  result: AttemptResult,
  times: { startedAt: Date; finishedAt: Date; retryDelaysMs: readonly number[] },
): Promise<RecordedAttempt | null> {
  const next =
    result.outcome === "failed" ? nextAttemptAt(of.attempt, times.finishedAt, times.retryDelaysMs) : null;
  const status: WebhookDeliveryStatus =
    result.outcome === "succeeded" ? "succeeded" : next === null ? "failed" : "pending";
  return executor.transaction(async (tx) => {
    // Conditional on this attempt still being in flight: when the relay has recorded it as
    // interrupted meanwhile, nothing here is written.
    const [moved] = await tx
      .update(webhookDeliveries)
      .set({
        status,
        nextAttemptAt: next,
        leaseExpiresAt: null,
        lastStatusCode: result.statusCode,
        lastResponseMs: result.responseMs,
        lastError: result.error,
        completedAt: status === "pending" ? null : times.finishedAt,
      })
      .where(
        and(
          eq(webhookDeliveries.id, of.deliveryId),
          eq(webhookDeliveries.status, "sending"),
          eq(webhookDeliveries.attemptCount, of.attempt),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (!moved) return null;
    await tx.insert(webhookDeliveryAttempts).values({
      organizationId: of.organizationId,
      deliveryId: of.deliveryId,
      attempt: of.attempt,
      startedAt: times.startedAt,
      outcome: result.outcome,
      statusCode: result.statusCode,
      responseMs: result.responseMs,
      error: result.error,
      nextAttemptAt: next,
    });
    if (result.outcome === "succeeded") {
      await recordEndpointSuccess(tx, of, times.finishedAt);
      return { status, nextAttemptAt: null, endpointDisabled: false };
    }
    const endpointDisabled = await recordEndpointFailure(tx, of, {
      startedAt: times.startedAt,
      finishedAt: times.finishedAt,
      error: result.error,
    });
    // Disabling cancelled this delivery's next attempt with the endpoint's other waiting ones.
    return endpointDisabled
      ? { status: "cancelled", nextAttemptAt: null, endpointDisabled }
      : { status, nextAttemptAt: next, endpointDisabled };
  });
}
