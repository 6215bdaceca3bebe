import { and, eq, inArray, isNotNull, lt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { nextRunAt } from "../data-flow-schedule";
import { queueRun, type RunQueue } from "../run-commands";

/**
 * What the every-minute scheduler does: queues a run (trigger "schedule") of each flow that is
 * due, not paused and not already running, and moves its next run on; then hands over runs
 * that stayed queued for two minutes without being picked up (their hand-over failed). Due
 * flows are locked with SKIP LOCKED, so two processes never queue the same flow twice.
 */
export async function enqueueDueRuns(db: Database, queue: RunQueue, now: Date): Promise<number> {
  const queued = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(dataFlows)
      .where(
        and(
          eq(dataFlows.paused, false),
          ne(dataFlows.schedule, "manual"),
          isNotNull(dataFlows.nextRunAt),
          lte(dataFlows.nextRunAt, now),
        ),
      )
      .limit(100)
      .for("update", { skipLocked: true });
    const runs: { id: string; flowId: string }[] = [];
    for (const flow of due) {
      const run = await queueRun(tx, flow.organizationId, flow.id, "schedule");
      if (run) runs.push({ id: run.id, flowId: run.flowId });
      await tx
        .update(dataFlows)
        .set({ nextRunAt: nextRunAt(flow.schedule, flow.cron, now) })
        .where(eq(dataFlows.id, flow.id));
    }
    return runs;
  });
  const stale = await db
    .select({ id: dataFlowRuns.id, flowId: dataFlowRuns.flowId })
    .from(dataFlowRuns)
    .where(
      and(eq(dataFlowRuns.status, "queued"), lt(dataFlowRuns.updatedAt, new Date(now.getTime() - 120_000))),
    )
    .limit(100);
  for (const run of [...queued, ...stale]) await queue.enqueue(run);
  return queued.length;
}

/** A run whose job used up its retries (lost with its process each time): failed, with why. */
export async function failAbandonedRun(db: Database, runId: string): Promise<void> {
  await db
    .update(dataFlowRuns)
    .set({
      status: "failed",
      errorMessage: "The run was interrupted too many times (server stops or crashes) and was given up",
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(dataFlowRuns.id, runId), inArray(dataFlowRuns.status, ["queued", "running"])));
}
