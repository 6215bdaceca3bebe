import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import {
  caseStatusEnum,
  cases,
  categories,
  deviceStatusEnum,
  devices,
  deviceTypeEnum,
  evidence,
} from "@/lib/db/schema";

/** An optional half-open time range [after, before) as report parameters give it. */
export interface TimeRange {
  after?: string;
  before?: string;
}

const countAll = sql<number>`count(*)::int`;

function inRange(column: typeof cases.openedAt | typeof evidence.capturedAt, range: TimeRange) {
  return [
    range.after ? gte(column, new Date(range.after)) : undefined,
    range.before ? lt(column, new Date(range.before)) : undefined,
  ];
}

/** Every value of an enum with its count, zeros included, so reports always have the same keys. */
function countsByValue(values: readonly string[], rows: { value: string; count: number }[]) {
  const counts: Record<string, number> = Object.fromEntries(values.map((value) => [value, 0]));
  for (const row of rows) counts[row.value] = row.count;
  return counts;
}

/** case_summary: cases opened in the range, counted by status. */
export async function summarizeCases(executor: Executor, organizationId: string, range: TimeRange) {
  const where: (SQL | undefined)[] = [
    eq(cases.organizationId, organizationId),
    ...inRange(cases.openedAt, range),
  ];
  const rows = await executor
    .select({ value: cases.status, count: countAll })
    .from(cases)
    .where(and(...where))
    .groupBy(cases.status);
  return {
    opened_after: range.after ?? null,
    opened_before: range.before ?? null,
    total: rows.reduce((sum, row) => sum + row.count, 0),
    by_status: countsByValue(caseStatusEnum.enumValues, rows),
  };
}

/** evidence_inventory: evidence captured in the range, counted and sized by category. */
export async function inventoryEvidence(executor: Executor, organizationId: string, range: TimeRange) {
  const where: (SQL | undefined)[] = [
    eq(evidence.organizationId, organizationId),
    ...inRange(evidence.capturedAt, range),
  ];
  const rows = await executor
    .select({
      category_id: evidence.categoryId,
      category_name: categories.name,
      count: countAll,
      bytes: sql<string>`coalesce(sum(${evidence.sizeBytes}), 0)::text`,
    })
    .from(evidence)
    .leftJoin(categories, eq(categories.id, evidence.categoryId))
    .where(and(...where))
    .groupBy(evidence.categoryId, categories.name)
    .orderBy(sql`${categories.name} asc nulls last`, asc(evidence.categoryId));
  const byCategory = rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
  return {
    captured_after: range.after ?? null,
    captured_before: range.before ?? null,
    total_count: byCategory.reduce((sum, row) => sum + row.count, 0),
    total_bytes: byCategory.reduce((sum, row) => sum + row.bytes, 0),
    by_category: byCategory,
  };
}

/** device_status: every device, counted by status and by type. */
export async function countDevices(executor: Executor, organizationId: string) {
  const inOrganization = eq(devices.organizationId, organizationId);
  // One after the other: inside a transaction both queries share one connection anyway.
  const byStatus = await executor
    .select({ value: devices.status, count: countAll })
    .from(devices)
    .where(inOrganization)
    .groupBy(devices.status);
  const byType = await executor
    .select({ value: devices.type, count: countAll })
    .from(devices)
    .where(inOrganization)
    .groupBy(devices.type);
  return {
    total: byStatus.reduce((sum, row) => sum + row.count, 0),
    by_status: countsByValue(deviceStatusEnum.enumValues, byStatus),
    by_type: countsByValue(deviceTypeEnum.enumValues, byType),
  };
}
