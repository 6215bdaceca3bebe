import {
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  auditActionLabel,
  isAuditAction,
} from "@/lib/audit/audit-action-catalogue";
import { AUDIT_ACTOR_TYPES, auditTargetTypeLabel } from "@/lib/audit/audit-field-labels";
import { auditReasonLabel } from "@/lib/audit/audit-reason-catalogue";
import type { AuditLogEvent } from "@/lib/audit/read-audit-events";
import type { AuditOutcome } from "@/lib/db/schema";
import { formatUtc } from "./format-utc";

/** One row of the audit log, in words, formatted on the server. */
export interface AuditLogRow {
  id: string;
  time: string;
  timeIso: string;
  actionLabel: string;
  categoryLabel: string | null;
  actorLabel: string;
  actorTypeLabel: string;
  targetTypeLabel: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  reasonLabel: string | null;
  ip: string | null;
}

export function toAuditLogRow(event: AuditLogEvent): AuditLogRow {
  return {
    id: event.id,
    time: formatUtc(event.createdAt),
    timeIso: event.createdAt.toISOString(),
    actionLabel: auditActionLabel(event.action),
    categoryLabel: isAuditAction(event.action)
      ? AUDIT_CATEGORIES[AUDIT_ACTIONS[event.action].category]
      : null,
    actorLabel: event.actorLabel,
    actorTypeLabel: AUDIT_ACTOR_TYPES[event.actorType],
    targetTypeLabel: event.targetType ? auditTargetTypeLabel(event.targetType) : null,
    targetId: event.targetId,
    outcome: event.outcome,
    reasonLabel: event.reason ? auditReasonLabel(event.reason) : null,
    ip: event.ip,
  };
}
