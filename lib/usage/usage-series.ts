import { and, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { usageRollups } from "@/lib/db/schema";
import { DAY_MS, HOUR_MS } from "./usage-aggregator";
import {
  emptyOutcomeCounts,
  isUsageOutcome,
  type OutcomeCounts,
  USAGE_ENDPOINTS,
  type UsageEndpoint,
} from "./usage-outcomes";
import type { UsageSubjectKind } from "./usage-subject";

/** The periods a usage chart shows: hourly rows for a day or a week, daily rows for a month. */
export const USAGE_RANGES = {
  "24h": { label: "Last 24 hours", granularity: "hour", buckets: 24 },
  "7d": { label: "Last 7 days", granularity: "hour", buckets: 168 },
  "30d": { label: "Last 30 days", granularity: "day", buckets: 30 },
} as const satisfies Record<string, { label: string; granularity: "hour" | "day"; buckets: number }>;

export type UsageRange = keyof typeof USAGE_RANGES;
export const USAGE_RANGE_KEYS = Object.keys(USAGE_RANGES) as UsageRange[];
export const DEFAULT_USAGE_RANGE: UsageRange = "7d";

/** A `?usage=` value as a range; anything else is the default. */
export function parseUsageRange(value: unknown): UsageRange {
  return typeof value === "string" && value in USAGE_RANGES ? (value as UsageRange) : DEFAULT_USAGE_RANGE;
}

export interface UsageBucket {
  start: Date;
  counts: OutcomeCounts;
}

export interface UsageSeries {
  granularity: "hour" | "day";
  /** Every bucket of the period, oldest first, the current (partial) one last; empty ones too. */
  buckets: UsageBucket[];
  totals: OutcomeCounts;
  /** Requests per endpoint: API calls and token requests. */
  byEndpoint: Record<UsageEndpoint, number>;
}

/** Whose requests: one subject, every subject of a kind, or the whole organization. */
export type SeriesSubject = { kind: UsageSubjectKind; id?: string } | null;

/**
 * Requests per bucket and outcome over `buckets` hours or days up to `now`, read from the
 * rollups of that granularity: a few hundred rows at most (buckets × outcomes × endpoints),
 * whatever the traffic, since scopes are summed in the query.
 */
export async function loadUsageSeries(
  executor: Executor,
  organizationId: string,
  subject: SeriesSubject,
  period: { granularity: "hour" | "day"; buckets: number },
  now = Date.now(),
): Promise<UsageSeries> {
  const size = period.granularity === "hour" ? HOUR_MS : DAY_MS;
  const first = Math.floor(now / size) * size - (period.buckets - 1) * size;
  const rows = await executor
    .select({
      bucketStart: usageRollups.bucketStart,
      outcome: usageRollups.outcome,
      endpoint: usageRollups.endpoint,
      count: sql<number>`sum(${usageRollups.count})`.mapWith(Number),
    })
    .from(usageRollups)
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        subject ? eq(usageRollups.subjectKind, subject.kind) : undefined,
        subject?.id !== undefined ? eq(usageRollups.subjectId, subject.id) : undefined,
        eq(usageRollups.granularity, period.granularity),
        gte(usageRollups.bucketStart, new Date(first)),
      ),
    )
    .groupBy(usageRollups.bucketStart, usageRollups.outcome, usageRollups.endpoint);
  const buckets: UsageBucket[] = Array.from({ length: period.buckets }, (_, index) => ({
    start: new Date(first + index * size),
    counts: emptyOutcomeCounts(),
  }));
  const totals = emptyOutcomeCounts();
  const byEndpoint = Object.fromEntries(USAGE_ENDPOINTS.map((endpoint) => [endpoint, 0])) as Record<
    UsageEndpoint,
    number
  >;
  for (const row of rows) {
    const bucket = buckets[Math.round((row.bucketStart.getTime() - first) / size)];
    if (!bucket || !isUsageOutcome(row.outcome)) continue;
    bucket.counts[row.outcome] += row.count;
    totals[row.outcome] += row.count;
    if (row.endpoint === "api" || row.endpoint === "token") byEndpoint[row.endpoint] += row.count;
  }
  return { granularity: period.granularity, buckets, totals, byEndpoint };
}
