import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { currentSessionClaims } from "@/lib/auth/current-user";

/** The audit log's CSV and JSON Lines exports (lib/audit/export-audit-log.ts checks the session). */
export async function GET(request: Request): Promise<Response> {
  return exportAuditLog(request, await currentSessionClaims());
}
