import { buttonClasses } from "@/components/ui/button";
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from "@/lib/audit/audit-export-formats";
import { AUDIT_LOG_EXPORT_PATH } from "./audit-log-paths";

/**
 * "Export CSV" and "Export JSON Lines": plain links (a download, not a page), each carrying the
 * list's filters, so the file holds exactly the events the list shows, every page of them.
 */
export function AuditLogExportLinks({ filters }: { filters: URLSearchParams }) {
  return (
    <>
      {(Object.keys(AUDIT_EXPORT_FORMATS) as AuditExportFormat[]).map((format) => {
        const params = new URLSearchParams(filters);
        params.set("format", format);
        return (
          <a
            key={format}
            href={`${AUDIT_LOG_EXPORT_PATH}?${params.toString()}`}
            className={buttonClasses("secondary")}
          >
            Export {AUDIT_EXPORT_FORMATS[format].label}
          </a>
        );
      })}
    </>
  );
}
