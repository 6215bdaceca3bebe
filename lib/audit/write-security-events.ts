import { inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizations } from "@/lib/db/schema";
import { auditUserAgent } from "./audit-user-agent";
import type { AuditEventRow } from "./dropped-security-events";
import { resolvePresentedClients } from "./resolve-presented-clients";
import type { HeldSecurityEvent } from "./security-event";

function rowOf(event: HeldSecurityEvent): AuditEventRow {
  return {
    id: event.id,
    organizationId: event.organizationId,
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorLabel: event.actor.label,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: event.origin.ip,
    userAgent: auditUserAgent(event.origin.userAgent),
    outcome: event.outcome,
    reason: event.reason ?? null,
    details: event.details ?? {},
    createdAt: event.at,
  };
}

/**
 * Writes one batch of security events (and any notices of dropped ones) in one transaction:
 * refusals that named a client get their organization and reason, then the organizations the
 * rows name are locked against deletion (KEY SHARE) and rows of an organization deleted
 * meanwhile are left out — its audit log went with it — so that one deletion cannot fail the
 * whole batch. Each row has its id from the start: a batch tried again is not written twice.
 */
export async function writeSecurityEvents(
  events: readonly HeldSecurityEvent[],
  notices: readonly AuditEventRow[],
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const resolved = await resolvePresentedClients(tx, events);
    const rows = [...resolved.map(rowOf), ...notices];
    const named = [...new Set(rows.flatMap((row) => row.organizationId ?? []))];
    const present = new Set(
      named.length === 0
        ? []
        : (
            await tx
              .select({ id: organizations.id })
              .from(organizations)
              .where(inArray(organizations.id, named))
              .for("key share")
          ).map((row) => row.id),
    );
    const kept = rows.filter((row) => !row.organizationId || present.has(row.organizationId));
    if (kept.length > 0)
      await tx.insert(auditEvents).values(kept).onConflictDoNothing({ target: auditEvents.id });
  });
}
