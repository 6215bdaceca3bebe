import { and, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditEvents, organizations } from "@/lib/db/schema";

/** Events deleted per statement: each is a short transaction, never one that holds the table for minutes. */
export const AUDIT_PRUNE_BATCH_SIZE = 10_000;

const DAY_MS = 86_400_000;

/** Deletes one batch of the scope's events older than `cutoff`; returns how many went. */
async function deleteBatch(db: Database, scope: SQL, cutoff: Date, batchSize: number): Promise<number> {
  // SKIP LOCKED: two processes pruning at once take different rows instead of waiting on each other.
  const batch = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(scope, lt(auditEvents.createdAt, cutoff)))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const deleted = await db
    .delete(auditEvents)
    .where(inArray(auditEvents.id, batch))
    .returning({ one: sql<number>`1` });
  return deleted.length;
}

/**
 * Removes the audit events older than the retention: organization by organization, then the
 * events of no organization, each in batches through audit_events_organization_created_idx
 * (organization, created_at), so every statement reads only what it deletes. Returns how many
 * events went.
 */
export async function pruneAuditEvents(
  db: Database,
  options: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * DAY_MS);
  const batchSize = options.batchSize ?? AUDIT_PRUNE_BATCH_SIZE;
  const owners = await db.select({ id: organizations.id }).from(organizations);
  const scopes = [
    ...owners.map((owner) => eq(auditEvents.organizationId, owner.id)),
    isNull(auditEvents.organizationId),
  ];
  let pruned = 0;
  for (const scope of scopes) {
    for (;;) {
      const deleted = await deleteBatch(db, scope, cutoff, batchSize);
      pruned += deleted;
      if (deleted < batchSize) break;
    }
  }
  return pruned;
}
