import type { Executor } from "@/lib/db/client";
import { type ActorType, auditEvents } from "@/lib/db/schema";

export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string;
  ip: string | null;
}

export interface AuditEntry {
  organizationId: string;
  actor: AuditActor;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "denied" | "failure";
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
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? "success",
    details: entry.details ?? {},
  });
}

export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, label: "Latchkey", ip: null };
