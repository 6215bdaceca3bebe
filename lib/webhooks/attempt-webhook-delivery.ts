import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import { CANCELLED_ENDPOINT_DISABLED } from "./cancel-pending-deliveries";
import { type ClaimedAttempt, claimDeliveryAttempt } from "./claim-delivery-attempt";
import { type AttemptResult, postWebhook } from "./post-webhook";
import { type RecordedAttempt, recordDeliveryAttempt } from "./record-delivery-attempt";
import { signedWebhookHeaders, webhookBody } from "./sign-webhook";
import { SECRET_UNREADABLE, signingSecretsFor } from "./signing-secrets-for";
import {
  attemptLeaseMs,
  resolveDeliveryOptions,
  type WebhookDeliveryOptions,
} from "./webhook-delivery-options";
import { WEBHOOK_TEST_EVENT } from "./webhook-event-catalogue";

export interface DeliveryJob {
  deliveryId: string;
  /** The attempt this job is for (1 for the first). */
  attempt: number;
}

export type AttemptOutcome =
  /** Another worker has this attempt, or it was made already: nothing was sent. */
  | { kind: "not_claimed" }
  /** The endpoint is disabled: the delivery was cancelled, nothing was sent. */
  | { kind: "cancelled" }
  | ({ kind: "attempted"; result: AttemptResult } & RecordedAttempt);

/** Back from sending to cancelled, with the attempt it did not make uncounted. */
async function cancelClaimed(executor: Executor, claimed: ClaimedAttempt, now: Date): Promise<void> {
  await executor
    .update(webhookDeliveries)
    .set({
      status: "cancelled",
      attemptCount: claimed.attempt - 1,
      nextAttemptAt: null,
      leaseExpiresAt: null,
      completedAt: now,
      lastError: CANCELLED_ENDPOINT_DISABLED,
    })
    .where(and(eq(webhookDeliveries.id, claimed.deliveryId), eq(webhookDeliveries.status, "sending")));
}

/**
 * One attempt of one delivery, as the queue's worker makes it: claim it (only one worker can),
 * sign the body with the endpoint's secret(s) at this moment, POST it through the guarded
 * client, and log the answer with the delivery's next step. A disabled endpoint gets nothing
 * (a test event excepted). The caller schedules the retry the outcome names.
 */
export async function attemptWebhookDelivery(
  executor: Executor,
  job: DeliveryJob,
  options: WebhookDeliveryOptions = {},
): Promise<AttemptOutcome> {
  const { client, now, retryDelaysMs, timeoutMs } = resolveDeliveryOptions(options);
  const startedAt = now();
  const claimed = await claimDeliveryAttempt(
    executor,
    job.deliveryId,
    job.attempt,
    startedAt,
    attemptLeaseMs(timeoutMs),
  );
  if (!claimed) return { kind: "not_claimed" };
  if (!claimed.endpoint.enabled && claimed.type !== WEBHOOK_TEST_EVENT) {
    await cancelClaimed(executor, claimed, startedAt);
    return { kind: "cancelled" };
  }
  const secrets = await signingSecretsFor(executor, claimed, startedAt);
  let result: AttemptResult;
  if (secrets === null) {
    result = { outcome: "failed", statusCode: null, responseMs: null, error: SECRET_UNREADABLE };
  } else {
    const body = webhookBody(claimed.type, claimed.occurredAt, claimed.data);
    const headers = signedWebhookHeaders(claimed.messageId, startedAt, body, secrets);
    result = await postWebhook(client, claimed.endpoint.url, { headers, body, timeoutMs });
  }
  const recorded = await recordDeliveryAttempt(executor, claimed, result, {
    startedAt,
    finishedAt: now(),
    retryDelaysMs,
  });
  if (!recorded) return { kind: "not_claimed" };
  return { kind: "attempted", result, ...recorded };
}
