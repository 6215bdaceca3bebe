import PgBoss from "pg-boss";
import { getConnection } from "@/lib/db/client";
import { logFor } from "@/lib/log/logger";
import {
  startWebhookDeliveryQueue,
  type WebhookDeliveryQueue,
  type WebhookQueueOptions,
} from "@/lib/webhooks/queue/webhook-delivery-queue";
import { type ExecuteRunOptions, executeDataFlowRun, RunInterruptedError } from "../execute-data-flow-run";
import type { RunQueue } from "../run-commands";
import { createQueueRetrying } from "./create-queue-retrying";
import { pgliteBossDb } from "./pglite-boss-db";
import { enqueueDueRuns, failAbandonedRun } from "./scheduled-runs";

/**
 * Durable data flow runs on pg-boss 10, on PostgreSQL (its own small pool; several processes
 * share the queue, each job goes to one of them: FOR UPDATE SKIP LOCKED) or on the embedded
 * database (the same PGlite connection, through pglite-boss-db). One queue per installation,
 * `latchkey-data-flow-runs`; its jobs carry a run id and the flow as singleton key under the
 * "singleton" policy, so two runs of one flow are never active at once.
 *
 * A job that dies with its process (crash, kill) expires after `expireInMinutes` and is
 * retried; a SIGTERM stops the import after the page in hand and queues the run again, and the
 * retry resumes it (counts stay exact). Retries used up put the job in the dead-letter queue,
 * whose worker marks the run failed. Every minute a pg-boss schedule wakes the scheduler,
 * which queues the runs of due flows and hands over runs left queued without a job; the
 * scheduler also does this once at start, so after a restart they do not wait for the tick.
 */
export const RUNS_QUEUE = "latchkey-data-flow-runs";
export const DEAD_RUNS_QUEUE = "latchkey-data-flow-runs-dead";
export const SCHEDULER_QUEUE = "latchkey-data-flow-scheduler";

export interface DataFlowQueueOptions {
  run?: ExecuteRunOptions;
  /** How long a run may hold its job before it counts as lost (default 120 minutes; fractions allowed). */
  expireInMinutes?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for expired jobs (its default, 120 s, is the delay before a lost run is retried). */
  maintenanceIntervalSeconds?: number;
  /** Start the every-minute scheduler (default true). */
  schedule?: boolean;
  /** Webhook deliveries share this pg-boss (lib/webhooks/queue); `schedule` and polling apply to them too. */
  webhooks?: WebhookQueueOptions;
}

export interface DataFlowQueue extends RunQueue {
  boss: PgBoss;
  webhooks: WebhookDeliveryQueue;
  /** Stops taking jobs, interrupts the runs in hand (they resume elsewhere or after a restart) and closes pg-boss. */
  stop(): Promise<void>;
}

export async function startDataFlowQueue(options: DataFlowQueueOptions = {}): Promise<DataFlowQueue> {
  const log = logFor("data-flows");
  const connection = await getConnection();
  const schedule = options.schedule ?? true;
  const common = {
    schedule,
    supervise: true,
    migrate: true,
    application_name: "latchkey-jobs",
    ...(options.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
  } as const;
  const boss =
    connection.kind === "pglite"
      ? new PgBoss({ ...common, db: pgliteBossDb(connection.pglite) })
      : new PgBoss({ ...common, connectionString: process.env.DATABASE_URL ?? "", max: 3 });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  const retry = {
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: Math.round((options.expireInMinutes ?? 120) * 60),
  };
  await createQueueRetrying(boss, { name: DEAD_RUNS_QUEUE });
  await createQueueRetrying(boss, {
    name: RUNS_QUEUE,
    policy: "singleton",
    deadLetter: DEAD_RUNS_QUEUE,
    ...retry,
  });
  await createQueueRetrying(boss, { name: SCHEDULER_QUEUE, policy: "singleton" });

  const stopping = new AbortController();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  // The job's id is the run's: handing a run over again (the scheduler's sweep, a second
  // process) while its job exists adds nothing. That matters beyond tidiness: under the
  // singleton policy a second job waiting behind its flow's active one would be the oldest
  // job every fetch tries first, holding up every other flow's runs until that run ends.
  const enqueue: RunQueue["enqueue"] = async (run) => {
    await boss.send(RUNS_QUEUE, { runId: run.id }, { id: run.id, singletonKey: run.flowId, ...retry });
  };

  if (schedule) {
    // Before the workers start, so the first fetch finds these jobs. A failure here leaves
    // them to the minute's tick rather than stopping the server.
    try {
      await enqueueDueRuns(connection.db, { enqueue }, new Date());
    } catch (error) {
      log.error({ err: error }, "could not queue the due data flow runs at start");
    }
  }
  await boss.work<{ runId: string }>(RUNS_QUEUE, { ...polling, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    try {
      const result = await executeDataFlowRun(connection.db, job.data.runId, {
        ...options.run,
        signal: stopping.signal,
      });
      if (result) log.info({ runId: job.data.runId, status: result.status }, "data flow run finished");
    } catch (error) {
      if (!(error instanceof RunInterruptedError))
        log.error({ err: error, runId: job.data.runId }, "data flow run failed");
      throw error;
    }
  });
  await boss.work<{ runId: string }>(DEAD_RUNS_QUEUE, polling, async (jobs) => {
    for (const job of jobs) await failAbandonedRun(connection.db, job.data.runId);
  });
  if (schedule) {
    await boss.schedule(SCHEDULER_QUEUE, "* * * * *", {}, { tz: "UTC" });
    await boss.work(SCHEDULER_QUEUE, polling, async () => {
      await enqueueDueRuns(connection.db, { enqueue }, new Date());
    });
  }
  const webhooks = await startWebhookDeliveryQueue(boss, connection.db, {
    schedule,
    ...polling,
    ...options.webhooks,
  });
  return {
    boss,
    enqueue,
    webhooks,
    async stop() {
      stopping.abort();
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
