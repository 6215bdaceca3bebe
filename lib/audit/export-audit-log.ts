import { loadConsoleUser, type SessionClaims } from "@/lib/auth/console-user";
import { NOT_AN_ADMIN, SESSION_ENDED } from "@/lib/auth/run-admin-action";
import { getDb } from "@/lib/db/client";
import { AUDIT_EXPORT_FORMATS, isAuditExportFormat } from "./audit-export-formats";
import { auditExportStream } from "./audit-export-stream";
import { activeFilters } from "./audit-log-filters";
import { auditLogParamsSchema, toAuditLogQuery } from "./audit-log-params";
import { recordAuditEvent } from "./record-audit-event";

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * A browser says where a request came from (Sec-Fetch-Site): an export is taken from the console
 * itself, or typed into the address bar, never started by another site's link or image, which
 * would still carry the session cookie (SameSite=Lax lets top-level GETs through).
 */
function fromElsewhere(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** "audit-log-2026-12-01T10-22-33Z.csv": when it was taken, and no character a file system minds. */
function fileName(extension: string, at: Date): string {
  return `audit-log-${at.toISOString().slice(0, 19).replaceAll(":", "-")}Z.${extension}`;
}

/**
 * GET /admin/audit-log/export?format=csv|jsonl&<the page's filters>: the filtered audit log of
 * the administrator's organization as an attachment, streamed batch by batch. The session is
 * checked here as every console action checks it (a console administrator, or 401/403), and
 * the export is itself audited — who took which events, in which format — before anything is read.
 */
export async function exportAuditLog(request: Request, claims: SessionClaims | null): Promise<Response> {
  if (fromElsewhere(request)) return refusal(403, "Exports are started from the console's own pages.");
  const admin = claims ? await loadConsoleUser(claims) : null;
  if (!admin) return refusal(401, SESSION_ENDED);
  if (!admin.role.consoleAdmin) return refusal(403, NOT_AN_ADMIN);

  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (!isAuditExportFormat(format)) return refusal(400, "Choose an export format: csv or jsonl.");
  const params = auditLogParamsSchema.parse(Object.fromEntries(url.searchParams));
  const { filters, order } = toAuditLogQuery(params);
  const db = await getDb();
  await recordAuditEvent(db, {
    organizationId: admin.organization.id,
    actor: { type: "user", id: admin.id, label: admin.email, ip: admin.ip, userAgent: admin.userAgent },
    action: "audit.exported",
    details: { format, order, filters: activeFilters(filters) },
  });
  const { contentType, extension } = AUDIT_EXPORT_FORMATS[format];
  return new Response(auditExportStream(db, admin.organization.id, filters, { format, order }), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName(extension, new Date())}"`,
      "cache-control": "no-store",
    },
  });
}
