import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { liveSecretCondition } from "@/lib/clients/live-client-secret";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets, apiClients, oldSecretUsage, usageRollups } from "@/lib/db/schema";
import { DAY_MS } from "./usage-aggregator";

/** The dashboard's period: the last seven UTC days, today included. */
export const DASHBOARD_DAYS = 7;
/** A client needs attention with this many refusals in the period… */
export const ATTENTION_REFUSALS = 10;
/** …or when at least this share of its requests was refused. */
export const ATTENTION_REFUSED_SHARE = 0.2;

export interface ClientTraffic {
  clientId: string;
  name: string;
  total: number;
  refused: number;
}

const periodStart = (now: number, days: number) =>
  new Date(Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);

/**
 * Each client's requests and refusals over the last `days` days, busiest first, from the daily
 * rollups: rows read grow with the clients that made requests, never with the requests. Clients
 * deleted since are left out.
 */
export async function loadClientTraffic(
  executor: Executor,
  organizationId: string,
  now = Date.now(),
  days = DASHBOARD_DAYS,
): Promise<ClientTraffic[]> {
  const total = sql<number>`sum(${usageRollups.count})`.mapWith(Number);
  const refused =
    sql<number>`coalesce(sum(${usageRollups.count}) filter (where ${usageRollups.outcome} <> 'allowed'), 0)`.mapWith(
      Number,
    );
  const rows = await executor
    .select({ clientId: usageRollups.subjectId, name: apiClients.name, total, refused })
    .from(usageRollups)
    .innerJoin(
      apiClients,
      and(
        eq(apiClients.organizationId, usageRollups.organizationId),
        eq(apiClients.clientId, usageRollups.subjectId),
      ),
    )
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        eq(usageRollups.granularity, "day"),
        gte(usageRollups.bucketStart, periodStart(now, days)),
        eq(usageRollups.subjectKind, "client"),
      ),
    )
    .groupBy(usageRollups.subjectId, apiClients.name);
  return rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** Clients refused often: ATTENTION_REFUSALS refusals or more, or ATTENTION_REFUSED_SHARE of their requests. */
export function clientsRefusedOften(traffic: readonly ClientTraffic[]): ClientTraffic[] {
  return traffic
    .filter(
      (client) =>
        client.refused >= ATTENTION_REFUSALS ||
        (client.refused > 0 && client.refused >= client.total * ATTENTION_REFUSED_SHARE),
    )
    .sort((a, b) => b.refused - a.refused);
}

export interface SecretInGrace {
  clientId: string;
  name: string;
  secretId: string;
  displayPrefix: string;
  expiresAt: Date;
  /** Uses since it was rotated out; zero when none were counted. */
  apiCalls: number;
  tokensIssued: number;
  lastUsedAt: Date | null;
}

/** Old secrets still working (in a rotation's grace period), soonest to end first, with their use. */
export async function loadSecretsInGrace(
  executor: Executor,
  organizationId: string,
): Promise<SecretInGrace[]> {
  const rows = await executor
    .select({
      clientId: apiClients.clientId,
      name: apiClients.name,
      secretId: apiClientSecrets.id,
      displayPrefix: apiClientSecrets.displayPrefix,
      expiresAt: apiClientSecrets.expiresAt,
    })
    .from(apiClientSecrets)
    .innerJoin(apiClients, eq(apiClients.id, apiClientSecrets.apiClientId))
    .where(
      and(
        eq(apiClientSecrets.organizationId, organizationId),
        isNotNull(apiClientSecrets.expiresAt),
        liveSecretCondition(),
      ),
    )
    .orderBy(apiClientSecrets.expiresAt);
  if (rows.length === 0) return [];
  const usage = await executor
    .select()
    .from(oldSecretUsage)
    .where(
      and(
        eq(oldSecretUsage.organizationId, organizationId),
        inArray(
          oldSecretUsage.secretId,
          rows.map((row) => row.secretId),
        ),
      ),
    );
  return rows.map((row) => {
    const used = usage.find((entry) => entry.secretId === row.secretId);
    return {
      ...row,
      expiresAt: row.expiresAt ?? new Date(0),
      apiCalls: used?.apiCalls ?? 0,
      tokensIssued: used?.tokensIssued ?? 0,
      lastUsedAt: used?.lastUsedAt ?? null,
    };
  });
}
