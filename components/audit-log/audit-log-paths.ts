/** Where the audit log lives in the console. */
export const AUDIT_LOG_PATH = "/admin/audit-log";
export const AUDIT_LOG_EXPORT_PATH = `${AUDIT_LOG_PATH}/export`;

export function auditEventPath(eventId: string): string {
  return `${AUDIT_LOG_PATH}/${eventId}`;
}
