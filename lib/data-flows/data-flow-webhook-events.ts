import type { Executor } from "@/lib/db/client";
import type { DataFlowRunStatus } from "@/lib/db/schema";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

/**
 * The webhook events of data flows, emitted in the transaction that records a run's end, so
 * they go out exactly when that commits. Keyed by the run, so a run's end is told once.
 */
interface FlowRun {
  organizationId: string;
  flowId: string;
  flowName: string;
  runId: string;
}

/** `data_flow.failed`: a run ended failed, or partial (stopped by an error after importing some pages). */
export async function emitDataFlowRunFailed(
  executor: Executor,
  run: FlowRun & { status: DataFlowRunStatus; errorMessage: string | null; consecutiveFailures: number },
): Promise<void> {
  await emitWebhookEvent(
    executor,
    run.organizationId,
    "data_flow.failed",
    {
      flowId: run.flowId,
      flowName: run.flowName,
      runId: run.runId,
      status: run.status,
      error: run.errorMessage,
      consecutiveFailures: run.consecutiveFailures,
    },
    { idempotencyKey: `data_flow.failed:${run.runId}` },
  );
}

/** `data_flow.paused`: the flow paused itself after failing repeatedly. */
export async function emitDataFlowPaused(
  executor: Executor,
  run: FlowRun & { reason: string; consecutiveFailures: number },
): Promise<void> {
  await emitWebhookEvent(
    executor,
    run.organizationId,
    "data_flow.paused",
    {
      flowId: run.flowId,
      flowName: run.flowName,
      runId: run.runId,
      reason: run.reason,
      consecutiveFailures: run.consecutiveFailures,
    },
    { idempotencyKey: `data_flow.paused:${run.runId}` },
  );
}
