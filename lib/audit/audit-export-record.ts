import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from "./audit-action-catalogue";
import { auditReasonLabel } from "./audit-reason-catalogue";
import type { AuditLogEvent } from "./read-audit-events";

/**
 * The columns of an exported event, in order: the API's fields (snake_case, as GET
 * /api/v1/audit-events names them) with the labels the console shows beside the keys.
 */
export const AUDIT_EXPORT_COLUMNS = [
  "id",
  "created_at",
  "action",
  "action_label",
  "category",
  "actor_type",
  "actor_id",
  "actor_label",
  "target_type",
  "target_id",
  "outcome",
  "reason",
  "reason_label",
  "ip",
  "user_agent",
  "details",
] as const;

export type AuditExportRecord = Record<(typeof AUDIT_EXPORT_COLUMNS)[number], unknown>;

/** One event as a file holds it; `details` stays an object (CSV writes it as JSON). */
export function auditExportRecord(event: AuditLogEvent): AuditExportRecord {
  return {
    id: event.id,
    created_at: event.createdAt.toISOString(),
    action: event.action,
    action_label: auditActionLabel(event.action),
    category: isAuditAction(event.action) ? AUDIT_ACTIONS[event.action].category : null,
    actor_type: event.actorType,
    actor_id: event.actorId,
    actor_label: event.actorLabel,
    target_type: event.targetType,
    target_id: event.targetId,
    outcome: event.outcome,
    reason: event.reason,
    reason_label: event.reason ? auditReasonLabel(event.reason) : null,
    ip: event.ip,
    user_agent: event.userAgent,
    details: event.details,
  };
}
