import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { AxoniusError } from "@/lib/axonius/axonius-error";
import type { Database } from "@/lib/db/client";
import { type DataFlowRunStatus, dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { CredentialSecretsUnreadableError } from "@/lib/outbound-credentials/credential-errors";
import { revealCredentialSecrets } from "@/lib/outbound-credentials/reveal-credential-secrets";
import { emitDataFlowPaused, emitDataFlowRunFailed } from "./data-flow-webhook-events";
import { RetriesExhaustedError } from "./fetch-devices-with-retry";
import { type ImportDevicesOptions, importDevices } from "./import-devices";

/**
 * Executes one queued (or interrupted) data flow run to its end: marks it running, imports,
 * and records the outcome on the run and the flow in one transaction — succeeded (skipped
 * records included), partial (stopped by an error after committing pages), failed, or
 * cancelled. A run already finished is left alone, so a second delivery of its job does
 * nothing. A flow whose runs fail `pauseAfterFailures` times in a row pauses itself, says
 * why, and the pause is audited. A failed or partial run and a pause are told to the
 * organization's webhooks (`data_flow.failed`, `data_flow.paused`) in the same transaction.
 */
export interface ExecuteRunOptions extends ImportDevicesOptions {
  /** Default 5. */
  pauseAfterFailures?: number;
}

export type ExecuteRunResult = { status: DataFlowRunStatus; errorMessage: string | null } | null;

/** The process stopped mid-run: the run is queued again, with its progress, for the job's retry to resume. */
export class RunInterruptedError extends Error {
  override name = "RunInterruptedError";
  constructor() {
    super("The run was interrupted by a server stop; it resumes when a worker picks it up again");
  }
}

/** The flow's credential was deleted or belongs elsewhere. */
class CredentialMissingError extends Error {
  override name = "CredentialMissingError";
  constructor() {
    super("The data flow's credential no longer exists");
  }
}

/** A failure that ends the run with its own message; anything else is also thrown for the log. */
function explained(error: unknown): boolean {
  return (
    error instanceof AxoniusError ||
    error instanceof RetriesExhaustedError ||
    error instanceof CredentialSecretsUnreadableError ||
    error instanceof CredentialMissingError
  );
}

const FINISHED: readonly DataFlowRunStatus[] = ["succeeded", "partial", "failed", "cancelled"];

function messageOf(error: unknown): string {
  if (explained(error)) return (error as Error).message;
  return "Latchkey could not write the imported devices; the run stopped (see the server log)";
}

export async function executeDataFlowRun(
  db: Database,
  runId: string,
  options: ExecuteRunOptions = {},
): Promise<ExecuteRunResult> {
  const started = await db.transaction(async (tx) => {
    const [run] = await tx.select().from(dataFlowRuns).where(eq(dataFlowRuns.id, runId)).for("update");
    if (!run || FINISHED.includes(run.status)) return null;
    const [flow] = await tx
      .select()
      .from(dataFlows)
      .where(and(eq(dataFlows.id, run.flowId), eq(dataFlows.organizationId, run.organizationId)));
    if (!flow) return null;
    if (run.cancelRequestedAt) {
      await tx
        .update(dataFlowRuns)
        .set({ status: "cancelled", finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(dataFlowRuns.id, run.id));
      return { run, flow, cancelledBeforeStart: true };
    }
    await tx
      .update(dataFlowRuns)
      .set({
        status: "running",
        attempts: sql`${dataFlowRuns.attempts} + 1`,
        startedAt: sql`coalesce(${dataFlowRuns.startedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(dataFlowRuns.id, run.id));
    return { run, flow, cancelledBeforeStart: false };
  });
  if (!started) return null;
  if (started.cancelledBeforeStart) return { status: "cancelled", errorMessage: null };
  const { run, flow } = started;

  let status: DataFlowRunStatus;
  let errorMessage: string | null = null;
  let stopError: unknown = null;
  try {
    const credential = await revealCredentialSecrets(db, run.organizationId, flow.credentialId);
    if (!credential) throw new CredentialMissingError();
    const result = await importDevices(
      db,
      {
        organizationId: run.organizationId,
        runId: run.id,
        sourceHost: credential.hostUrl,
        credentials: {
          hostUrl: credential.hostUrl,
          apiKey: credential.apiKey,
          apiSecret: credential.clientSecret,
        },
        filter: flow.filter,
      },
      options,
    );
    if (result.outcome === "interrupted") {
      await db
        .update(dataFlowRuns)
        .set({ status: "queued", updatedAt: sql`now()` })
        .where(and(eq(dataFlowRuns.id, run.id), eq(dataFlowRuns.status, "running")));
      throw new RunInterruptedError();
    }
    if (result.outcome === "completed") status = "succeeded";
    else if (result.outcome === "cancelled") status = "cancelled";
    else {
      stopError = result.error;
      const [progress] = await db
        .select({ pages: dataFlowRuns.pagesFetched })
        .from(dataFlowRuns)
        .where(eq(dataFlowRuns.id, run.id));
      status = (progress?.pages ?? 0) > 0 ? "partial" : "failed";
      errorMessage = messageOf(result.error);
    }
  } catch (error) {
    if (error instanceof RunInterruptedError) throw error;
    stopError = error;
    status = "failed";
    errorMessage = messageOf(error);
  }
  await finishRun(
    db,
    run.id,
    flow.id,
    run.organizationId,
    status,
    errorMessage,
    options.pauseAfterFailures ?? 5,
  );
  // Not Axonius's doing (the database, a bug): the run is recorded, and the caller logs it.
  if (stopError !== null && !explained(stopError)) throw stopError;
  return { status, errorMessage };
}

async function finishRun(
  db: Database,
  runId: string,
  flowId: string,
  organizationId: string,
  status: DataFlowRunStatus,
  errorMessage: string | null,
  pauseAfterFailures: number,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(dataFlowRuns)
      .set({ status, errorMessage, finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(dataFlowRuns.id, runId), inArray(dataFlowRuns.status, ["queued", "running"])));
    if (status === "cancelled") return;
    const failed = status === "failed" || status === "partial";
    const [flow] = await tx
      .update(dataFlows)
      .set({ consecutiveFailures: failed ? sql`${dataFlows.consecutiveFailures} + 1` : 0 })
      .where(eq(dataFlows.id, flowId))
      .returning({
        consecutiveFailures: dataFlows.consecutiveFailures,
        paused: dataFlows.paused,
        name: dataFlows.name,
      });
    if (!flow || !failed) return;
    const told = { organizationId, flowId, flowName: flow.name, runId };
    const { consecutiveFailures } = flow;
    await emitDataFlowRunFailed(tx, { ...told, status, errorMessage, consecutiveFailures });
    if (flow.paused || flow.consecutiveFailures < pauseAfterFailures) return;
    const reason = `Paused after ${flow.consecutiveFailures} failed runs in a row. Last error: ${errorMessage ?? "unknown"}`;
    await tx
      .update(dataFlows)
      .set({ paused: true, pausedReason: reason, nextRunAt: null, updatedAt: sql`now()` })
      .where(eq(dataFlows.id, flowId));
    await recordAuditEvent(tx, {
      organizationId,
      actor: SYSTEM_ACTOR,
      action: "data_flow.paused",
      targetType: "data_flow",
      targetId: flowId,
      details: { name: flow.name, reason, consecutiveFailures: flow.consecutiveFailures },
    });
    await emitDataFlowPaused(tx, { ...told, reason, consecutiveFailures });
  });
}
