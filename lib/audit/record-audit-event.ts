import type { Executor } from "@/lib/db/client";
import { type ActorType, type AuditOutcome, auditEvents } from "@/lib/db/schema";
import type { AuditAction } from "./audit-action-catalogue";
import type { AuditReason } from "./audit-reason-catalogue";
import { auditUserAgent } from "./audit-user-agent";

export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string;
  ip: string | null;
  /** The browser or program the change came from, when it came over HTTP. */
  userAgent?: string | null;
}

export interface AuditEntry {
  organizationId: string;
  actor: AuditActor;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  reason?: AuditReason;
  /** What changed. Callers pass names and values, never a secret. */
  details?: Record<string, unknown>;
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export async function recordAuditEvent(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditEvents).values({
    organizationId: entry.organizationId,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    ip: entry.actor.ip,
    userAgent: auditUserAgent(entry.actor.userAgent),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? "success",
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}

export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, label: "Latchkey", ip: null };
