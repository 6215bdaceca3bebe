import { and, desc, eq, inArray } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { CLIENT_TARGET_TYPE, type ClientRecord } from "@/lib/clients/client-record";
import { updateClient } from "@/lib/clients/update-client";
import type { Database, Executor } from "@/lib/db/client";
import { apiClients, auditEvents, organizations, webhookMessages } from "@/lib/db/schema";
import { FormError } from "@/lib/forms/action-state";
import { isScope, type Scope } from "@/lib/permissions/catalogue";
import { loadScopesUsed, SCOPES_USED_DAYS } from "@/lib/usage/client-usage";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

const DAY_MS = 86_400_000;

/** A permission a client holds but did not use: since when it is watched (90 days ago, or its grant). */
export interface UnusedPermission {
  scope: Scope;
  /** When the scope was last granted, when that is within the window; null when it held it all along. */
  grantedAt: Date | null;
}

/** When each of the client's scopes was last granted, from its audit history (creation or an edit). */
async function grantTimes(
  executor: Executor,
  organizationId: string,
  clientId: string,
): Promise<Map<Scope, Date>> {
  const events = await executor
    .select({ action: auditEvents.action, details: auditEvents.details, at: auditEvents.createdAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.targetType, CLIENT_TARGET_TYPE),
        eq(auditEvents.targetId, clientId),
        inArray(auditEvents.action, ["api_client.created", "api_client.updated"]),
      ),
    )
    .orderBy(desc(auditEvents.createdAt));
  const granted = new Map<Scope, Date>();
  for (const event of events) {
    const details = event.details as {
      permissions?: unknown;
      changes?: { permissions?: { granted?: unknown } };
    };
    const scopes =
      event.action === "api_client.created" ? details.permissions : details.changes?.permissions?.granted;
    if (!Array.isArray(scopes)) continue;
    for (const scope of scopes) if (isScope(scope) && !granted.has(scope)) granted.set(scope, event.at);
  }
  return granted;
}

/**
 * The permissions a client is granted but made no allowed API call with in the last 90 days —
 * or since it was granted, when that is more recent (usage rollups, daily). Never suggests
 * anything to add; applies nothing by itself.
 */
export async function unusedClientPermissions(
  executor: Executor,
  organizationId: string,
  client: Pick<ClientRecord, "clientId" | "permissions">,
  now: Date = new Date(),
): Promise<UnusedPermission[]> {
  if (client.permissions.length === 0) return [];
  const [used, granted] = await Promise.all([
    loadScopesUsed(executor, organizationId, client.clientId, now.getTime()),
    grantTimes(executor, organizationId, client.clientId),
  ]);
  const windowStart = now.getTime() - SCOPES_USED_DAYS * DAY_MS;
  return client.permissions
    .filter((scope) => !used.has(scope))
    .map((scope) => {
      const at = granted.get(scope);
      return { scope, grantedAt: at && at.getTime() > windowStart ? at : null };
    });
}

export const NOTHING_TO_REMOVE = "None of these permissions is unused any more; nothing was changed.";

/**
 * "Remove unused permissions": takes away those of `scopes` that are still unused (checked
 * again now, so a scope used since the page was shown stays), through the ordinary client edit
 * (audited like any edit, with what was revoked). Returns the client as it is after.
 */
export async function removeUnusedClientPermissions(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { clientId: string; scopes: readonly Scope[] },
): Promise<{ client: ClientRecord; removed: Scope[] } | null> {
  const [client] = await executor
    .select({ clientId: apiClients.clientId, permissions: apiClients.permissions })
    .from(apiClients)
    .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.clientId, input.clientId)));
  if (!client) return null;
  const unused = new Set(
    (await unusedClientPermissions(executor, organizationId, client)).map((entry) => entry.scope),
  );
  const removed = input.scopes.filter((scope) => unused.has(scope));
  if (removed.length === 0) throw new FormError(NOTHING_TO_REMOVE);
  const updated = await updateClient(executor, organizationId, actor, {
    clientId: client.clientId,
    permissions: client.permissions.filter((scope) => !removed.includes(scope)),
  });
  return updated ? { client: updated, removed } : null;
}

/** The ISO week (`2026-W49`) a date falls in: the weekly summary's once-only key. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The weekly `permissions.unused` webhook: per organization, once per ISO week, the active
 * clients holding permissions they did not use, with those permissions. Organizations with
 * nothing unused are sent nothing (and looked at again on the next pass).
 */
export async function sendUnusedPermissionsSummaries(db: Database, now: Date = new Date()): Promise<number> {
  const week = isoWeek(now);
  const orgs = await db.select({ id: organizations.id }).from(organizations);
  let sent = 0;
  for (const org of orgs) {
    const key = `permissions.unused:${week}`;
    // Computed once a week per organization: the passes in between find the week's key taken.
    const [done] = await db
      .select({ id: webhookMessages.id })
      .from(webhookMessages)
      .where(and(eq(webhookMessages.organizationId, org.id), eq(webhookMessages.idempotencyKey, key)))
      .limit(1);
    if (done) continue;
    const clients = await db
      .select({ clientId: apiClients.clientId, name: apiClients.name, permissions: apiClients.permissions })
      .from(apiClients)
      .where(and(eq(apiClients.organizationId, org.id), eq(apiClients.status, "active")));
    const summary: { clientId: string; name: string; unused: Scope[] }[] = [];
    for (const client of clients) {
      const unused = await unusedClientPermissions(db, org.id, client, now);
      if (unused.length > 0) summary.push({ ...client, unused: unused.map((entry) => entry.scope) });
    }
    if (summary.length === 0) continue;
    const emitted = await emitWebhookEvent(
      db,
      org.id,
      "permissions.unused",
      {
        week,
        windowDays: SCOPES_USED_DAYS,
        clients: summary.map(({ clientId, name, unused }) => ({ clientId, name, unused })),
      },
      { idempotencyKey: key, now },
    );
    if (emitted) sent += 1;
  }
  return sent;
}
