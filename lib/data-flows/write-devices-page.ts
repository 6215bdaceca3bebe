import { and, eq, inArray, sql } from "drizzle-orm";
import type { AxoniusDevice } from "@/lib/axonius/fetch-axonius-devices-page";
import type { Database, Transaction } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { dataFlowRuns, devices, type SkipReasonCounts } from "@/lib/db/schema";
import { type MappedDevice, mapAxoniusDevice, type SkipReason } from "./map-axonius-device";

/**
 * Writes one page of Axonius devices and the run's progress in one transaction: maps each
 * record, skips malformed ones and serial clashes with a reason, upserts the rest in one
 * statement keyed by (organization, Axonius host, internal_axon_id), marks every record it
 * saw as seen by this run, and adds the page's counts to the run row.
 *
 * Counts are exact across a page read twice under one run (a restart after a timeout, or
 * a run resumed after a crash): a device this run already wrote is not counted again.
 * Only skipped records without an Axonius id can be counted twice then.
 */
export interface PageTarget {
  organizationId: string;
  runId: string;
  /** The credential's normalized host URL: the Axonius instance. */
  sourceHost: string;
}

export interface PageCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skipReasons: SkipReasonCounts;
}

export type PageWriteResult = { cancelled: true } | { cancelled: false; counts: PageCounts };

interface Candidate {
  device: MappedDevice;
}

function emptyCounts(): PageCounts {
  return { read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, skipReasons: {} };
}

function skip(counts: PageCounts, reason: SkipReason) {
  counts.skipped += 1;
  counts.skipReasons[reason] = (counts.skipReasons[reason] ?? 0) + 1;
}

function addReasons(into: SkipReasonCounts, from: SkipReasonCounts): SkipReasonCounts {
  const sum = { ...into };
  for (const [reason, n] of Object.entries(from)) sum[reason] = (sum[reason] ?? 0) + n;
  return sum;
}

const bySource = (target: PageTarget) =>
  and(eq(devices.organizationId, target.organizationId), eq(devices.sourceHost, target.sourceHost));

async function writeOnce(
  tx: Transaction,
  target: PageTarget,
  records: readonly AxoniusDevice[],
  totalRecords: number | null,
): Promise<PageWriteResult> {
  const [run] = await tx
    .select({ cancelRequestedAt: dataFlowRuns.cancelRequestedAt, skipReasons: dataFlowRuns.skipReasons })
    .from(dataFlowRuns)
    .where(and(eq(dataFlowRuns.id, target.runId), eq(dataFlowRuns.organizationId, target.organizationId)))
    .for("update");
  if (!run) throw new Error(`data flow run ${target.runId} is gone`);
  if (run.cancelRequestedAt) return { cancelled: true };

  const counts = emptyCounts();
  const seenIds = new Set<string>();
  const candidates: Candidate[] = [];
  for (const record of records) {
    const mapped = mapAxoniusDevice(record);
    if (!mapped.ok) {
      if (record.internalAxonId !== null && !seenIds.has(record.internalAxonId))
        seenIds.add(record.internalAxonId);
      skip(counts, mapped.reason);
      continue;
    }
    if (seenIds.has(mapped.device.externalId)) {
      skip(counts, "duplicate_in_page");
      continue;
    }
    seenIds.add(mapped.device.externalId);
    candidates.push({ device: mapped.device });
  }
  const ids = [...seenIds];
  const prior = new Map<string, string | null>();
  if (ids.length > 0) {
    const rows = await tx
      .select({ externalId: devices.externalId, lastImportRunId: devices.lastImportRunId })
      .from(devices)
      .where(and(bySource(target), inArray(devices.externalId, ids)))
      .for("update");
    for (const row of rows) if (row.externalId) prior.set(row.externalId, row.lastImportRunId);
  }
  const alreadyCounted = (externalId: string) => prior.get(externalId) === target.runId;

  // A non-empty serial must be unique in the organization: a record whose serial another
  // device holds (or an earlier record of this page claims) is skipped as a conflict.
  const serials = [...new Set(candidates.map((c) => c.device.serial).filter((s) => s !== ""))];
  const holders = new Map<string, { sourceHost: string | null; externalId: string | null }>();
  if (serials.length > 0) {
    const rows = await tx
      .select({ serial: devices.serial, sourceHost: devices.sourceHost, externalId: devices.externalId })
      .from(devices)
      .where(and(eq(devices.organizationId, target.organizationId), inArray(devices.serial, serials)));
    for (const row of rows) holders.set(row.serial, row);
  }
  const claimed = new Set<string>();
  const rows: (typeof devices.$inferInsert)[] = [];
  for (const { device } of candidates) {
    if (device.serial !== "") {
      const holder = holders.get(device.serial);
      const heldByOther =
        holder !== undefined &&
        !(holder.sourceHost === target.sourceHost && holder.externalId === device.externalId);
      if (heldByOther || claimed.has(device.serial)) {
        if (!alreadyCounted(device.externalId)) skip(counts, "conflict");
        continue;
      }
      claimed.add(device.serial);
    }
    rows.push({
      organizationId: target.organizationId,
      serial: device.serial,
      model: device.model,
      type: "other",
      hostname: device.hostname,
      ipAddresses: device.ipAddresses,
      lastSeenAt: device.lastSeenAt,
      source: "axonius",
      sourceHost: target.sourceHost,
      externalId: device.externalId,
      lastImportRunId: target.runId,
    });
  }

  const written = new Set<string>();
  if (rows.length > 0) {
    const changed = sql`(${devices.serial} is distinct from excluded.serial
      or ${devices.model} is distinct from excluded.model
      or ${devices.hostname} is distinct from excluded.hostname
      or ${devices.ipAddresses} is distinct from excluded.ip_addresses
      or ${devices.lastSeenAt} is distinct from excluded.last_seen_at
      or ${devices.missingSince} is not null)`;
    const results = await tx
      .insert(devices)
      .values(rows)
      .onConflictDoUpdate({
        target: [devices.organizationId, devices.sourceHost, devices.externalId],
        set: {
          serial: sql`excluded.serial`,
          model: sql`excluded.model`,
          hostname: sql`excluded.hostname`,
          ipAddresses: sql`excluded.ip_addresses`,
          lastSeenAt: sql`excluded.last_seen_at`,
          missingSince: sql`null`,
          lastImportRunId: sql`excluded.last_import_run_id`,
          updatedAt: sql`case when ${changed} then now() else ${devices.updatedAt} end`,
        },
      })
      .returning({
        externalId: devices.externalId,
        inserted: sql<boolean>`(xmax = 0)`,
        changed: sql<boolean>`(${devices.updatedAt} = now())`,
      });
    for (const result of results) {
      const externalId = result.externalId ?? "";
      written.add(externalId);
      if (alreadyCounted(externalId)) continue;
      if (result.inserted) counts.created += 1;
      else if (result.changed) counts.updated += 1;
      else counts.unchanged += 1;
    }
  }
  // Records skipped here were still seen upstream: they are not missing.
  const touched = ids.filter((id) => !written.has(id) && prior.has(id));
  if (touched.length > 0) {
    await tx
      .update(devices)
      .set({ lastImportRunId: target.runId, missingSince: null })
      .where(and(bySource(target), inArray(devices.externalId, touched)));
  }
  counts.read = records.length - ids.filter((id) => alreadyCounted(id)).length;

  await tx
    .update(dataFlowRuns)
    .set({
      pagesFetched: sql`${dataFlowRuns.pagesFetched} + 1`,
      totalRecords,
      readCount: sql`${dataFlowRuns.readCount} + ${counts.read}`,
      createdCount: sql`${dataFlowRuns.createdCount} + ${counts.created}`,
      updatedCount: sql`${dataFlowRuns.updatedCount} + ${counts.updated}`,
      unchangedCount: sql`${dataFlowRuns.unchangedCount} + ${counts.unchanged}`,
      skippedCount: sql`${dataFlowRuns.skippedCount} + ${counts.skipped}`,
      skipReasons: addReasons(run.skipReasons, counts.skipReasons),
      updatedAt: sql`now()`,
    })
    .where(eq(dataFlowRuns.id, target.runId));
  return { cancelled: false, counts };
}

/** Writes the page; a serial taken by a device created meanwhile is checked again, once. */
export async function writeDevicesPage(
  db: Database,
  target: PageTarget,
  records: readonly AxoniusDevice[],
  totalRecords: number | null,
): Promise<PageWriteResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => writeOnce(tx, target, records, totalRecords));
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, "devices_organization_serial_unique")) continue;
      throw error;
    }
  }
}
