import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditUserAgent } from "./audit-user-agent";
import type { AuditEventRow } from "./dropped-security-events";
import { resolvePresentedClients } from "./resolve-presented-clients";
import type { HeldSecurityEvent } from "./security-event";

function rowOf(event: HeldSecurityEvent, userAgents: Map<string | null, string | null>): AuditEventRow {
  const sent = event.origin.userAgent;
  // A batch mostly repeats a few User-Agents: each is scrubbed once.
  const userAgent = userAgents.get(sent) ?? auditUserAgent(sent);
  userAgents.set(sent, userAgent);
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
    userAgent,
    outcome: event.outcome,
    reason: event.reason ?? null,
    details: event.details ?? {},
    createdAt: event.at,
  };
}

/** A row as jsonb_to_recordset reads it: the table's own column names. */
function recordOf(row: AuditEventRow) {
  return {
    id: row.id,
    organization_id: row.organizationId ?? null,
    actor_type: row.actorType,
    actor_id: row.actorId ?? null,
    actor_label: row.actorLabel,
    action: row.action,
    target_type: row.targetType ?? null,
    target_id: row.targetId ?? null,
    ip: row.ip ?? null,
    user_agent: row.userAgent ?? null,
    outcome: row.outcome ?? "success",
    reason: row.reason ?? null,
    details: row.details ?? {},
    created_at: row.createdAt,
  };
}

/**
 * Writes one batch of security events (and any notices of dropped ones). Refusals that named
 * a client first get their organization and reason (one query, when there are any). Then one
 * INSERT … SELECT takes the whole batch as a single JSON parameter — a batch of 500 rows bound
 * value by value cost the server as much CPU as the token requests it recorded — and leaves out
 * rows of an organization deleted meanwhile (its audit log went with it; the KEY SHARE lock holds
 * the organizations it writes to until it is done), so that one deletion cannot fail the whole
 * batch. Each row has its id from the start: a batch tried again is not written twice.
 */
export async function writeSecurityEvents(
  events: readonly HeldSecurityEvent[],
  notices: readonly AuditEventRow[],
): Promise<void> {
  const db = await getDb();
  const resolved = await resolvePresentedClients(db, events);
  const userAgents = new Map<string | null, string | null>();
  const records = [...resolved.map((event) => rowOf(event, userAgents)), ...notices].map(recordOf);
  if (records.length === 0) return;
  await db.execute(sql`
    insert into audit_events (id, organization_id, actor_type, actor_id, actor_label, action, target_type,
      target_id, ip, user_agent, outcome, reason, details, created_at)
    select id, organization_id, actor_type, actor_id, actor_label, action, target_type,
      target_id, ip, user_agent, outcome, reason, details, created_at
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as event(id uuid, organization_id uuid,
      actor_type actor_type, actor_id uuid, actor_label text, action text, target_type text,
      target_id text, ip text, user_agent text, outcome audit_outcome, reason text, details jsonb,
      created_at timestamptz)
    where event.organization_id is null
      or exists (select 1 from organizations where organizations.id = event.organization_id for key share)
    on conflict (id) do nothing`);
}
