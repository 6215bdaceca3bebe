import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { usageRollupBatches, usageRollups } from "@/lib/db/schema";
import { DAY_MS } from "./usage-aggregator";

/** Hourly rows serve the 24-hour and 7-day charts; a day more, so a 7-day chart is always whole. */
export const HOURLY_RETENTION_DAYS = 8;
/** Daily rows serve the 30-day chart and "scopes used" (90 days); kept for about a year. */
export const DAILY_RETENTION_DAYS = 400;
/** A batch is tried again within seconds; its ID is needed no longer than that. */
const BATCH_ID_RETENTION_DAYS = 2;

/** Deletes rollup rows and batch IDs past their retention. */
export async function pruneUsage(executor: Executor, now = Date.now()): Promise<void> {
  const before = (days: number) => new Date(now - days * DAY_MS);
  await executor
    .delete(usageRollups)
    .where(
      and(eq(usageRollups.granularity, "hour"), lt(usageRollups.bucketStart, before(HOURLY_RETENTION_DAYS))),
    );
  await executor
    .delete(usageRollups)
    .where(
      and(eq(usageRollups.granularity, "day"), lt(usageRollups.bucketStart, before(DAILY_RETENTION_DAYS))),
    );
  await executor
    .delete(usageRollupBatches)
    .where(lt(usageRollupBatches.writtenAt, before(BATCH_ID_RETENTION_DAYS)));
}
