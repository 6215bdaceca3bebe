import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Database, Executor } from "@/lib/db/client";
import { apiClients, organizations } from "@/lib/db/schema";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { CLIENT_TARGET_TYPE } from "./client-record";
import { IDLE_WARNING_DAYS, idleDaysSchema } from "./idle-client-policy-schema";

const DAY_MS = 86_400_000;

/**
 * The idle-client policy: an organization may have clients that nobody used for N days
 * disabled by Latchkey (not deleted). A client's idle time counts from its last use, or —
 * when it was not used since — from its creation or its last re-enabling, so enabling a
 * client again restarts its clock. Clients upgraded to this version start their clock then.
 */
export const idleSince: SQL<Date> = sql<Date>`greatest(coalesce(${apiClients.lastUsedAt}, ${apiClients.idleClockStartedAt}), ${apiClients.idleClockStartedAt})`;

/** When the policy disables this client, or null when the policy is off. */
export function idleDisableAt(
  client: { lastUsedAt: Date | null; idleClockStartedAt: Date },
  days: number | null,
): Date | null {
  if (days === null) return null;
  const since = Math.max(client.lastUsedAt?.getTime() ?? 0, client.idleClockStartedAt.getTime());
  return new Date(since + days * DAY_MS);
}

/** An active client the policy disables within IDLE_WARNING_DAYS: flagged in the list, and its owner told. */
export function isAboutToIdle(disableAt: Date | null, now: Date): boolean {
  return disableAt !== null && disableAt.getTime() - now.getTime() <= IDLE_WARNING_DAYS * DAY_MS;
}

export async function getIdleClientPolicy(
  executor: Executor,
  organizationId: string,
): Promise<number | null> {
  const [row] = await executor
    .select({ days: organizations.idleClientDisableDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.days ?? null;
}

/** Sets "Disable clients unused for" (or switches it off); audited with from and to. */
export async function setIdleClientPolicy(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { days: number | null },
): Promise<number | null> {
  const { days } = idleDaysSchema.parse(input);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ days: organizations.idleClientDisableDays })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update");
    if (!current) throw new Error(`organization ${organizationId} does not exist`);
    if (current.days === days) return days;
    await tx
      .update(organizations)
      .set({ idleClientDisableDays: days })
      .where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "organization.idle_client_policy_changed",
      details: { from: current.days, to: days },
    });
    return days;
  });
}

export interface IdleDisabledClient {
  organizationId: string;
  id: string;
  clientId: string;
  name: string;
  idleSince: Date;
  days: number;
}

/**
 * Disables every active client whose organization's policy says it has been unused too long,
 * as Latchkey (audited "disabled by policy", reason idle), moving its token generation on as a
 * manual disable does. One statement per organization; the status check in the update means
 * several processes disable each client once between them.
 */
export async function disableIdleClients(
  db: Database,
  now: Date = new Date(),
): Promise<IdleDisabledClient[]> {
  const policies = await db
    .select({ id: organizations.id, days: organizations.idleClientDisableDays })
    .from(organizations)
    .where(isNotNull(organizations.idleClientDisableDays));
  const disabled: IdleDisabledClient[] = [];
  for (const policy of policies) {
    const days = policy.days ?? 0;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    const rows = await db.transaction(async (tx) => {
      const updated = await tx
        .update(apiClients)
        .set({
          status: "disabled",
          disabledReason: "idle",
          tokenGeneration: sql`${apiClients.tokenGeneration} + 1`,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            eq(apiClients.organizationId, policy.id),
            eq(apiClients.status, "active"),
            sql`${idleSince} <= ${cutoff.toISOString()}::timestamptz`,
          ),
        )
        .returning({
          id: apiClients.id,
          clientId: apiClients.clientId,
          name: apiClients.name,
          lastUsedAt: apiClients.lastUsedAt,
          idleClockStartedAt: apiClients.idleClockStartedAt,
        });
      for (const client of updated) {
        await emitWebhookEvent(tx, policy.id, "client.disabled", {
          client: { clientId: client.clientId, name: client.name },
          by: "idle_client_policy",
          unusedDays: days,
          lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
        });
        await recordAuditEvent(tx, {
          organizationId: policy.id,
          actor: SYSTEM_ACTOR,
          action: "api_client.disabled_by_policy",
          targetType: CLIENT_TARGET_TYPE,
          targetId: client.clientId,
          reason: "idle",
          details: {
            name: client.name,
            unusedDays: days,
            lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
          },
        });
      }
      return updated;
    });
    for (const client of rows) {
      disabled.push({
        organizationId: policy.id,
        id: client.id,
        clientId: client.clientId,
        name: client.name,
        idleSince: new Date(Math.max(client.lastUsedAt?.getTime() ?? 0, client.idleClockStartedAt.getTime())),
        days,
      });
    }
  }
  return disabled;
}

/**
 * Tells the organization's webhooks ("client.idle") about each active client the policy
 * disables within IDLE_WARNING_DAYS, once per idle period: the key names the client and the
 * moment its idle time started, so a use or a re-enabling (a new period) warns again later,
 * while passes of any number of processes within one period send nothing more.
 */
export async function warnIdleClients(db: Database, now: Date = new Date()): Promise<number> {
  const policies = await db
    .select({ id: organizations.id, days: organizations.idleClientDisableDays })
    .from(organizations)
    .where(isNotNull(organizations.idleClientDisableDays));
  let warned = 0;
  for (const policy of policies) {
    const days = policy.days ?? 0;
    const warnFrom = new Date(now.getTime() - (days - IDLE_WARNING_DAYS) * DAY_MS);
    const clients = await db
      .select({
        clientId: apiClients.clientId,
        name: apiClients.name,
        lastUsedAt: apiClients.lastUsedAt,
        idleClockStartedAt: apiClients.idleClockStartedAt,
      })
      .from(apiClients)
      .where(
        and(
          eq(apiClients.organizationId, policy.id),
          eq(apiClients.status, "active"),
          sql`${idleSince} <= ${warnFrom.toISOString()}::timestamptz`,
        ),
      );
    for (const client of clients) {
      const disableAt = idleDisableAt(client, days);
      const since = new Date((disableAt?.getTime() ?? 0) - days * DAY_MS);
      const emitted = await emitWebhookEvent(
        db,
        policy.id,
        "client.idle",
        {
          client: { clientId: client.clientId, name: client.name },
          unusedDays: days,
          lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
          disablesAt: disableAt?.toISOString() ?? null,
        },
        { idempotencyKey: `client.idle:${client.clientId}:${since.toISOString()}`, now },
      );
      if (emitted) warned += 1;
    }
  }
  return warned;
}
