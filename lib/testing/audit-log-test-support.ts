import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";

/** Helpers shared by the audit log tests (not a test itself). */

export type TestAuditEvent = Partial<Omit<typeof auditEvents.$inferInsert, "organizationId">> & {
  createdAt?: Date;
};

/** Inserts events as the writers would have, with whatever fields and times a test needs; returns them with their ids. */
export async function insertAuditEvents(organizationId: string | null, events: readonly TestAuditEvent[]) {
  const db = await getDb();
  const rows = events.map((event) => ({
    id: randomUUID(),
    actorType: "user" as const,
    actorLabel: "tester@example.test",
    action: "user.updated",
    outcome: "success" as const,
    details: {},
    createdAt: new Date(),
    ...event,
    organizationId,
  }));
  if (rows.length === 0) return [];
  await db.insert(auditEvents).values(rows);
  return rows;
}

/**
 * Inserts `count` events in one statement (INSERT … SELECT generate_series), one a second
 * before `newest` going back, all "access_token.issued" by "client Bulk <n % 7>".
 */
export async function insertBulkAuditEvents(organizationId: string, count: number, newest = new Date()) {
  const db = await getDb();
  await db.execute(sql`
    insert into audit_events (organization_id, actor_type, actor_label, action, target_type, target_id,
      ip, outcome, details, created_at)
    select ${organizationId}::uuid, 'client', 'client Bulk ' || (g % 7), 'access_token.issued', 'access_token',
      'bulk-' || g, '203.0.113.' || (g % 250), 'success', jsonb_build_object('n', g),
      ${newest.toISOString()}::timestamptz - g * interval '1 second'
    from generate_series(1, ${count}::int) as g`);
}

/** An executor that counts the queries it starts (each `select`), to tell a batched read from one query. */
export function countingSelects<T extends object>(executor: T): { executor: T; selects: () => number } {
  let selects = 0;
  const counting = new Proxy(executor, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "select" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        selects += 1;
        return value.apply(target, args);
      };
    },
  });
  return { executor: counting, selects: () => selects };
}
