import { and, asc, desc, type SQL, sql } from "drizzle-orm";
import { sortKeyCodecOf } from "@/lib/api/list-query";
import type { Executor } from "@/lib/db/client";
import { type AuditEvent, auditEvents } from "@/lib/db/schema";
import { type AuditLogFilters, auditLogConditions } from "./audit-log-filters";

/** An event as the audit log shows it: every column but the organization, which is the reader's own. */
export type AuditLogEvent = Omit<AuditEvent, "organizationId">;

/** Newest first ("desc", the default) or oldest first. */
export type AuditLogOrder = "desc" | "asc";

/**
 * A place in the keyset order (created_at, id): the time as whole microseconds since the epoch
 * (a Date keeps only milliseconds, and events a few microseconds apart would be skipped or
 * repeated) and the event's id, which breaks ties.
 */
export interface AuditLogPosition {
  key: string;
  id: string;
}

export interface AuditEventsRead {
  order: AuditLogOrder;
  /** Start past this place; without it, at the start of the order. */
  from?: AuditLogPosition;
  /** Read the events before `from` instead (the previous page); they come back in `order` all the same. */
  backward?: boolean;
  limit: number;
}

const createdAtKey = sortKeyCodecOf(auditEvents.createdAt);

const COLUMNS = {
  id: auditEvents.id,
  actorType: auditEvents.actorType,
  actorId: auditEvents.actorId,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
  outcome: auditEvents.outcome,
  reason: auditEvents.reason,
  details: auditEvents.details,
  createdAt: auditEvents.createdAt,
  positionKey: createdAtKey.select(auditEvents.createdAt),
};

/** The condition "past `position` in this direction", or null for a position no cursor of ours holds. */
function pastPosition(position: AuditLogPosition, descending: boolean): SQL | null {
  const key = createdAtKey.compareTo(position.key);
  if (!key) return null;
  return sql`(${auditEvents.createdAt}, ${auditEvents.id}) ${sql.raw(descending ? "<" : ">")} (${key}, ${position.id}::uuid)`;
}

/**
 * Up to `limit` events of one organization matching the filters, in keyset order from a place:
 * one range scan of an index in (created_at desc, id desc) order however deep the place is, and
 * events written meanwhile neither repeat nor shift anything between reads. Null when `from` is
 * not a place a cursor of ours can hold.
 */
export async function readAuditEvents(
  executor: Executor,
  organizationId: string,
  filters: AuditLogFilters,
  read: AuditEventsRead,
): Promise<Array<AuditLogEvent & { position: AuditLogPosition }> | null> {
  const descending = (read.order === "desc") !== (read.backward === true);
  const past = read.from ? pastPosition(read.from, descending) : undefined;
  if (past === null) return null;
  const direction = descending ? desc : asc;
  const rows = await executor
    .select(COLUMNS)
    .from(auditEvents)
    .where(and(auditLogConditions(organizationId, filters), past))
    .orderBy(direction(auditEvents.createdAt), direction(auditEvents.id))
    .limit(read.limit);
  const events = rows.map(({ positionKey, ...event }) => ({
    ...event,
    position: { key: positionKey, id: event.id },
  }));
  return read.backward ? events.reverse() : events;
}
