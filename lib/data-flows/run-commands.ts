import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { type DataFlowRun, type DataFlowRunTrigger, dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { DATA_FLOW_TARGET_TYPE } from "./data-flow-commands";
import { DataFlowBusyError } from "./data-flow-errors";
import { dataFlowReferenceSchema, dataFlowRunReferenceSchema } from "./data-flow-schemas";

/** Hands a queued run to the job queue (lib/data-flows/queue/data-flow-queue.ts) after its row is committed. */
export interface RunQueue {
  enqueue(run: { id: string; flowId: string }): Promise<void>;
}

export const RUN_IN_PROGRESS = "This data flow already has a run queued or in progress";
export const FLOW_PAUSED = "This data flow is paused; resume it to run it";

/**
 * "Run now": queues a run of the flow (audited), then hands it to the queue; "Run now" opens
 * the returned run's page. Refused while the flow is paused or a run of it is queued or
 * running. A run whose hand-over fails stays queued and is handed over again by the
 * scheduler's sweep.
 */
export async function runDataFlowNow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { flowId: string },
  queue: RunQueue,
): Promise<DataFlowRun | null> {
  const { flowId } = dataFlowReferenceSchema.parse(input);
  return requestRun(executor, organizationId, actor, flowId, "manual", queue);
}

export const RUN_NOT_RETRYABLE = "Only a failed, partial or cancelled run can be retried";

/**
 * "Retry" on a run that failed, ended partial or was cancelled: a new run of its flow (trigger
 * "retry"), audited with the run it retries, under the same conditions as "Run now". An
 * import is idempotent, so the retry reads everything again and counts what it changes.
 */
export async function retryDataFlowRun(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { runId: string },
  queue: RunQueue,
): Promise<DataFlowRun | null> {
  const { runId } = dataFlowRunReferenceSchema.parse(input);
  const [previous] = await executor
    .select({ flowId: dataFlowRuns.flowId, status: dataFlowRuns.status })
    .from(dataFlowRuns)
    .where(and(eq(dataFlowRuns.organizationId, organizationId), eq(dataFlowRuns.id, runId)));
  if (!previous) return null;
  if (!["failed", "partial", "cancelled"].includes(previous.status))
    throw new DataFlowBusyError(RUN_NOT_RETRYABLE);
  return requestRun(executor, organizationId, actor, previous.flowId, "retry", queue, runId);
}

async function requestRun(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  flowId: string,
  trigger: "manual" | "retry",
  queue: RunQueue,
  retriedRunId?: string,
): Promise<DataFlowRun | null> {
  const run = await executor.transaction(async (tx) => {
    const [flow] = await tx
      .select()
      .from(dataFlows)
      .where(and(eq(dataFlows.organizationId, organizationId), eq(dataFlows.id, flowId)))
      .for("update");
    if (!flow) return null;
    if (flow.paused) throw new DataFlowBusyError(FLOW_PAUSED);
    const created = await queueRun(tx, organizationId, flowId, trigger);
    if (!created) throw new DataFlowBusyError(RUN_IN_PROGRESS);
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: trigger === "retry" ? "data_flow.run_retried" : "data_flow.run_requested",
      targetType: DATA_FLOW_TARGET_TYPE,
      targetId: flow.id,
      details: { name: flow.name, runId: created.id, ...(retriedRunId ? { retriedRunId } : {}) },
    });
    return created;
  });
  if (run) await queue.enqueue({ id: run.id, flowId: run.flowId });
  return run;
}

/** A queued run of the flow, unless one is already queued or running (the flow row must be locked). */
export async function queueRun(
  executor: Executor,
  organizationId: string,
  flowId: string,
  trigger: DataFlowRunTrigger,
): Promise<DataFlowRun | null> {
  const [active] = await executor
    .select({ id: dataFlowRuns.id })
    .from(dataFlowRuns)
    .where(and(eq(dataFlowRuns.flowId, flowId), inArray(dataFlowRuns.status, ["queued", "running"])))
    .limit(1);
  if (active) return null;
  const [run] = await executor.insert(dataFlowRuns).values({ organizationId, flowId, trigger }).returning();
  return run ?? null;
}

/**
 * "Cancel": a queued run ends cancelled at once; a running one stops after the page in
 * hand (the worker reads the request). Audited. A finished run is returned unchanged.
 */
export async function cancelDataFlowRun(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { runId: string },
): Promise<DataFlowRun | null> {
  const { runId } = dataFlowRunReferenceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const byOrgAndId = and(eq(dataFlowRuns.organizationId, organizationId), eq(dataFlowRuns.id, runId));
    const [current] = await tx.select().from(dataFlowRuns).where(byOrgAndId).for("update");
    if (!current) return null;
    if (current.status !== "queued" && current.status !== "running") return current;
    const [run] = await tx
      .update(dataFlowRuns)
      .set(
        current.status === "queued"
          ? {
              status: "cancelled",
              cancelRequestedAt: sql`now()`,
              finishedAt: sql`now()`,
              updatedAt: sql`now()`,
            }
          : { cancelRequestedAt: sql`now()`, updatedAt: sql`now()` },
      )
      .where(and(byOrgAndId, isNull(dataFlowRuns.cancelRequestedAt)))
      .returning();
    if (!run) return current;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "data_flow.run_cancelled",
      targetType: DATA_FLOW_TARGET_TYPE,
      targetId: run.flowId,
      details: { runId: run.id, status: current.status },
    });
    return run;
  });
}
