import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { usageRollups } from "@/lib/db/schema";
import { DAY_MS } from "./usage-aggregator";
import { emptyOutcomeCounts, isUsageOutcome, type OutcomeCounts } from "./usage-outcomes";

/** Personal tokens' usage is shown for the last seven UTC days, today included. */
export const TOKEN_USAGE_DAYS = 7;

/** Requests per outcome of each of these personal tokens over TOKEN_USAGE_DAYS days, by token ID. */
export async function loadTokenUsage(
  executor: Executor,
  organizationId: string,
  tokenIds: readonly string[],
  now = Date.now(),
): Promise<Map<string, OutcomeCounts>> {
  const usage = new Map<string, OutcomeCounts>();
  if (tokenIds.length === 0) return usage;
  const rows = await executor
    .select({
      tokenId: usageRollups.subjectId,
      outcome: usageRollups.outcome,
      count: sql<number>`sum(${usageRollups.count})`.mapWith(Number),
    })
    .from(usageRollups)
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        eq(usageRollups.subjectKind, "personal_token"),
        inArray(usageRollups.subjectId, [...tokenIds]),
        eq(usageRollups.granularity, "day"),
        gte(
          usageRollups.bucketStart,
          new Date(Math.floor(now / DAY_MS) * DAY_MS - (TOKEN_USAGE_DAYS - 1) * DAY_MS),
        ),
      ),
    )
    .groupBy(usageRollups.subjectId, usageRollups.outcome);
  for (const row of rows) {
    if (!isUsageOutcome(row.outcome)) continue;
    const counts = usage.get(row.tokenId) ?? emptyOutcomeCounts();
    counts[row.outcome] += row.count;
    usage.set(row.tokenId, counts);
  }
  return usage;
}
