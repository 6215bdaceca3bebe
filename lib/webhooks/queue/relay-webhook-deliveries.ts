import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import type { DeliveryJob } from "../attempt-webhook-delivery";
import { recordDeliveryAttempt } from "../record-delivery-attempt";
import { WEBHOOK_RETRY_DELAYS_MS } from "../webhook-retry-schedule";

/**
 * The outbox relay. Emitting writes deliveries in the sender's transaction and sends nothing;
 * this hands the committed, due ones to the job queue, marking each with the attempt it was
 * queued for, so the next pass does not queue it again. Should a job be lost, the delivery is
 * queued again once it is REQUEUE_AFTER_MS overdue; a second job for an attempt is harmless,
 * since only one worker can claim it. It also records attempts whose worker vanished mid-way
 * (the lease ran out) as interrupted failures, which moves them on to their retry.
 *
 * Several processes may relay at once: the rows a pass takes are locked (SKIP LOCKED).
 */
export const REQUEUE_AFTER_MS = 10 * 60_000;
export const INTERRUPTED_ATTEMPT =
  "The attempt was interrupted: Latchkey stopped before the endpoint answered, so it is tried again";
const BATCH = 200;
const MAX_BATCHES = 20;

export type SendDeliveryJob = (job: DeliveryJob, startAfter?: Date) => Promise<void>;

export interface RelayOptions {
  now?: () => Date;
  retryDelaysMs?: readonly number[];
}

export interface RelayResult {
  queued: number;
  interrupted: number;
}

async function recordInterrupted(executor: Executor, now: Date, retryDelaysMs?: readonly number[]) {
  const stale = await executor
    .select({
      deliveryId: webhookDeliveries.id,
      organizationId: webhookDeliveries.organizationId,
      endpointId: webhookDeliveries.endpointId,
      attempt: webhookDeliveries.attemptCount,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "sending"), lt(webhookDeliveries.leaseExpiresAt, now)))
    .limit(BATCH);
  let recorded = 0;
  for (const attempt of stale) {
    const moved = await recordDeliveryAttempt(
      executor,
      attempt,
      { outcome: "failed", statusCode: null, responseMs: null, error: INTERRUPTED_ATTEMPT },
      {
        startedAt: attempt.lastAttemptAt ?? now,
        finishedAt: now,
        retryDelaysMs: retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS,
      },
    );
    if (moved) recorded += 1;
  }
  return recorded;
}

/** Marks up to BATCH due deliveries as queued for their next attempt; the jobs to send. */
async function takeDue(executor: Executor, now: Date): Promise<DeliveryJob[]> {
  return executor.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(
            lte(webhookDeliveries.queuedAttempt, webhookDeliveries.attemptCount),
            lt(webhookDeliveries.queuedAt, new Date(now.getTime() - REQUEUE_AFTER_MS)),
          ),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const taken = await tx
      .update(webhookDeliveries)
      .set({ queuedAttempt: sql`${webhookDeliveries.attemptCount} + 1`, queuedAt: now })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning({ deliveryId: webhookDeliveries.id, attempt: webhookDeliveries.queuedAttempt });
    return taken;
  });
}

export async function relayDueWebhookDeliveries(
  executor: Executor,
  send: SendDeliveryJob,
  options: RelayOptions = {},
): Promise<RelayResult> {
  const now = options.now ?? (() => new Date());
  const interrupted = await recordInterrupted(executor, now(), options.retryDelaysMs);
  let queued = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const jobs = await takeDue(executor, now());
    for (const job of jobs) await send(job);
    queued += jobs.length;
    if (jobs.length < BATCH) break;
  }
  return { queued, interrupted };
}

/**
 * After a failed attempt, its worker queues the retry at once, to start when it is due, and
 * marks it queued until then, so the relay leaves it alone unless the job is lost.
 */
export async function queueRetry(
  executor: Executor,
  job: DeliveryJob,
  dueAt: Date,
  send: SendDeliveryJob,
): Promise<void> {
  const [marked] = await executor
    .update(webhookDeliveries)
    .set({ queuedAttempt: job.attempt, queuedAt: dueAt })
    .where(
      and(
        eq(webhookDeliveries.id, job.deliveryId),
        eq(webhookDeliveries.status, "pending"),
        lt(webhookDeliveries.queuedAttempt, job.attempt),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (marked) await send(job, dueAt);
}
