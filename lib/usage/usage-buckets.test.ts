import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { usageRollups } from "@/lib/db/schema";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { rollupCounts } from "@/lib/testing/usage-test-support";
import { flushUsage, recordUsage } from "./record-usage";
import { DAY_MS, HOUR_MS, UsageAggregator } from "./usage-aggregator";
import type { UsageEvent } from "./usage-event";
import { pruneUsage } from "./usage-retention";
import { writeUsageSnapshot } from "./usage-rollup-writer";
import { loadUsageSeries, USAGE_RANGES } from "./usage-series";

function allowedCall(organizationId: string, clientId: string, at: number): UsageEvent {
  return {
    attribution: { kind: "subject", subject: { organizationId, kind: "client", id: clientId } },
    endpoint: "api",
    outcome: "allowed",
    scope: "cases:read",
    ip: "192.0.2.1",
    userAgent: "test",
    at,
  };
}

async function bucketsOf(organizationId: string, clientId: string, granularity: "hour" | "day") {
  const rows = await (await getDb())
    .select({ start: usageRollups.bucketStart, count: usageRollups.count })
    .from(usageRollups)
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        eq(usageRollups.subjectId, clientId),
        eq(usageRollups.granularity, granularity),
      ),
    )
    .orderBy(usageRollups.bucketStart);
  return rows.map((row) => [row.start.getTime(), row.count]);
}

describe("usage buckets", () => {
  it("counts into the request's hour and its UTC day, and each range reads its own granularity", async () => {
    const { organizationId, client } = await createTenantWithClient();
    const now = Date.now();
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    const yesterday = today - DAY_MS;
    const times = [yesterday + 10 * HOUR_MS, yesterday + 10.5 * HOUR_MS, yesterday + 11.25 * HOUR_MS, now];
    for (const at of times) recordUsage(allowedCall(organizationId, client.clientId, at));
    await flushUsage();

    const thisHour = Math.floor(now / HOUR_MS) * HOUR_MS;
    expect(await bucketsOf(organizationId, client.clientId, "hour")).toEqual([
      [yesterday + 10 * HOUR_MS, 2],
      [yesterday + 11 * HOUR_MS, 1],
      [thisHour, 1],
    ]);
    expect(await bucketsOf(organizationId, client.clientId, "day")).toEqual([
      [yesterday, 3],
      [today, 1],
    ]);

    const db = await getDb();
    const subject = { kind: "client" as const, id: client.clientId };
    const week = await loadUsageSeries(db, organizationId, subject, USAGE_RANGES["7d"], now);
    expect(week.buckets).toHaveLength(168);
    expect(week.buckets.at(-1)?.start.getTime()).toBe(thisHour);
    const hourly = new Map(week.buckets.map((bucket) => [bucket.start.getTime(), bucket.counts.allowed]));
    expect(hourly.get(yesterday + 10 * HOUR_MS)).toBe(2);
    expect(hourly.get(yesterday + 11 * HOUR_MS)).toBe(1);
    expect(hourly.get(thisHour)).toBe(1);
    expect(week.totals.allowed).toBe(4);

    const month = await loadUsageSeries(db, organizationId, subject, USAGE_RANGES["30d"], now);
    expect(month.buckets).toHaveLength(30);
    expect(month.buckets.slice(-2).map((bucket) => [bucket.start.getTime(), bucket.counts.allowed])).toEqual([
      [yesterday, 3],
      [today, 1],
    ]);

    const day = await loadUsageSeries(db, organizationId, subject, USAGE_RANGES["24h"], now);
    expect(day.buckets).toHaveLength(24);
    expect(day.buckets.at(-1)?.counts.allowed).toBe(1);
    // Read a day later, the same calls are yesterday's and the day before's.
    const later = await loadUsageSeries(db, organizationId, subject, USAGE_RANGES["30d"], now + DAY_MS);
    expect(later.buckets.slice(-3).map((bucket) => bucket.counts.allowed)).toEqual([3, 1, 0]);
  });

  it("adds a snapshot written twice (a retry after a lost answer) once", async () => {
    const { organizationId, client } = await createTenantWithClient();
    const aggregator = new UsageAggregator();
    for (let call = 0; call < 3; call += 1)
      aggregator.add(allowedCall(organizationId, client.clientId, Date.now()));
    const [snapshot] = aggregator.drain();
    if (!snapshot) throw new Error("nothing counted");
    const db = await getDb();
    await writeUsageSnapshot(db, snapshot);
    await writeUsageSnapshot(db, snapshot);
    expect(await rollupCounts(organizationId, { kind: "client", id: client.clientId }, "day")).toEqual({
      "api allowed cases:read": 3,
    });
    // Another snapshot with the same counts adds to them.
    aggregator.add(allowedCall(organizationId, client.clientId, Date.now()));
    for (const next of aggregator.drain()) await writeUsageSnapshot(db, next);
    expect(await rollupCounts(organizationId, { kind: "client", id: client.clientId }, "day")).toEqual({
      "api allowed cases:read": 4,
    });
  });

  it("prunes hourly rows after 8 days and daily rows after 400, keeping what the charts read", async () => {
    const { organizationId, client } = await createTenantWithClient();
    const now = Date.now();
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    for (const daysAgo of [3, 9, 399, 401])
      recordUsage(allowedCall(organizationId, client.clientId, today - daysAgo * DAY_MS));
    await flushUsage();
    await pruneUsage(await getDb(), now);
    expect(await bucketsOf(organizationId, client.clientId, "hour")).toEqual([[today - 3 * DAY_MS, 1]]);
    expect((await bucketsOf(organizationId, client.clientId, "day")).map(([start]) => start)).toEqual([
      today - 399 * DAY_MS,
      today - 9 * DAY_MS,
      today - 3 * DAY_MS,
    ]);
  });
});
