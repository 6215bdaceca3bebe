import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { TRAFFIC_ACTIONS } from "./audit-action-catalogue";

export interface TargetAuditEvent {
  id: string;
  action: string;
  actorType: string;
  actorLabel: string;
  ip: string | null;
  outcome: "success" | "denied" | "failure";
  details: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The most recent audit events about one target (e.g. targetType "api_client" and its public
 * client ID) in one organization, newest first: its changes and lifecycle, without the
 * traffic events (tokens issued, refusals), which the audit log lists. Served by
 * audit_events_target_idx.
 */
export async function listAuditEventsForTarget(
  executor: Executor,
  organizationId: string,
  target: { type: string; id: string },
  limit = 20,
): Promise<TargetAuditEvent[]> {
  return executor
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorType: auditEvents.actorType,
      actorLabel: auditEvents.actorLabel,
      ip: auditEvents.ip,
      outcome: auditEvents.outcome,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.targetType, target.type),
        eq(auditEvents.targetId, target.id),
        notInArray(auditEvents.action, [...TRAFFIC_ACTIONS]),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(Math.min(Math.max(limit, 1), 100));
}
