/** The files the audit log exports to: what the console calls each, and how it is served. */
export const AUDIT_EXPORT_FORMATS = {
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8", extension: "csv" },
  jsonl: { label: "JSON Lines", contentType: "application/jsonl; charset=utf-8", extension: "jsonl" },
} as const;

export type AuditExportFormat = keyof typeof AUDIT_EXPORT_FORMATS;

export function isAuditExportFormat(value: string | null): value is AuditExportFormat {
  return value !== null && Object.hasOwn(AUDIT_EXPORT_FORMATS, value);
}
