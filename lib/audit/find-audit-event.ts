import { and, eq } from "drizzle-orm";
import { UUID_PATTERN } from "@/lib/api/cursor";
import type { Executor } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { AuditLogEvent } from "./read-audit-events";

/** One event of the organization, or null: another organization's, one of none, or a malformed id alike. */
export async function findAuditEvent(
  executor: Executor,
  organizationId: string,
  eventId: string,
): Promise<AuditLogEvent | null> {
  if (!UUID_PATTERN.test(eventId)) return null;
  const [row] = await executor
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.id, eventId)))
    .limit(1);
  if (!row) return null;
  const { organizationId: _organizationId, ...event } = row;
  return event;
}
