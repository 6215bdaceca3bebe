import { stringify } from "csv-stringify/sync";
import type { Executor } from "@/lib/db/client";
import type { AuditExportFormat } from "./audit-export-formats";
import { AUDIT_EXPORT_COLUMNS, type AuditExportRecord, auditExportRecord } from "./audit-export-record";
import type { AuditLogFilters } from "./audit-log-filters";
import { type AuditLogOrder, type AuditLogPosition, readAuditEvents } from "./read-audit-events";

/** Events read per query while exporting. */
export const AUDIT_EXPORT_BATCH_SIZE = 1_000;

function csvOf(records: AuditExportRecord[], header: boolean): string {
  const cells = records.map((record) => ({
    ...record,
    details: JSON.stringify(record.details),
  }));
  // escape_formulas: a cell starting with = + - @ (or a tab or carriage return) gets a leading
  // quote, so a spreadsheet shows an actor named "=HYPERLINK(…)" rather than running it.
  return stringify(cells, { header, columns: [...AUDIT_EXPORT_COLUMNS], escape_formulas: true });
}

function jsonLinesOf(records: AuditExportRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join("");
}

/**
 * The filtered audit log as a file, written as it is read: batches of AUDIT_EXPORT_BATCH_SIZE
 * events in keyset order, each read only when the one before has been taken by the reader (the
 * stream's pull), so neither the whole result nor a slow download's backlog is ever held.
 */
export function auditExportStream(
  executor: Executor,
  organizationId: string,
  filters: AuditLogFilters,
  options: { format: AuditExportFormat; order: AuditLogOrder; batchSize?: number },
): ReadableStream<Uint8Array> {
  const batchSize = options.batchSize ?? AUDIT_EXPORT_BATCH_SIZE;
  const encoder = new TextEncoder();
  let from: AuditLogPosition | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch =
        (await readAuditEvents(executor, organizationId, filters, {
          order: options.order,
          from,
          limit: batchSize,
        })) ?? [];
      const records = batch.map(auditExportRecord);
      const text = options.format === "csv" ? csvOf(records, first) : jsonLinesOf(records);
      first = false;
      if (text) controller.enqueue(encoder.encode(text));
      const last = batch.at(-1);
      if (batch.length < batchSize || !last) controller.close();
      else from = last.position;
    },
  });
}
