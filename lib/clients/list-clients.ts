import { and, asc, count, desc, eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets, apiClients } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import { type ClientRecord, clientColumns, clientNameKey } from "./client-record";
import {
  type ClientSortField,
  type ClientUsageFilter,
  type ListClientsQuery,
  listClientsQuerySchema,
} from "./client-schemas";
import { idleSince } from "./idle-client-policy";
import { IDLE_WARNING_DAYS } from "./idle-client-policy-schema";

export interface ClientListEntry extends ClientRecord {
  /** When the earliest live secret with an end lapses (an old secret in its grace period), or null. */
  secretLapsesAt: Date | null;
}

export interface ClientPage {
  clients: ClientListEntry[];
  /** Clients matching the search and filter, across all pages. */
  total: number;
  limit: number;
  offset: number;
}

/**
 * Sort orders, each ending in a unique column so pages never overlap. Name, created and
 * last-used orders follow the (organization_id, …) indexes of schema/clients.ts.
 */
function orderOf(sort: ClientSortField, direction: "asc" | "desc"): SQL[] {
  const by = direction === "asc" ? asc : desc;
  switch (sort) {
    case "name":
      // name_key is unique in the organization, so it alone is a total order.
      return [by(apiClients.nameKey)];
    case "clientId":
      return [by(apiClients.clientId)];
    case "status":
      return [by(apiClients.status), asc(apiClients.nameKey)];
    case "createdAt":
      return [by(apiClients.createdAt), by(apiClients.id)];
    case "lastUsedAt":
      // Never-used clients last in both directions: they are the least interesting either way.
      return [sql`${apiClients.lastUsedAt} ${sql.raw(direction)} nulls last`, by(apiClients.id)];
  }
}

const UNUSED_DAYS = 30;
const SECRET_EXPIRY_NOTICE_DAYS = 30;

/**
 * The "Usage" filter: unused for 30+ days (by last use, or creation when never used), never
 * used, or expiring soon — a live secret that lapses within 30 days, or (under the idle-client
 * policy) disabled by it within IDLE_WARNING_DAYS.
 */
function usageCondition(usage: ClientUsageFilter, idleDays: number | null): SQL | undefined {
  switch (usage) {
    case "all":
      return undefined;
    case "unused30":
      return sql`coalesce(${apiClients.lastUsedAt}, ${apiClients.createdAt}) <= now() - ${sql.raw(`interval '${UNUSED_DAYS} days'`)}`;
    case "neverUsed":
      return isNull(apiClients.lastUsedAt);
    case "expiringSoon": {
      const secretLapsing = sql`exists (select 1 from ${apiClientSecrets} where ${apiClientSecrets.apiClientId} = ${apiClients}.id and ${apiClientSecrets.revokedAt} is null and ${apiClientSecrets.expiresAt} > now() and ${apiClientSecrets.expiresAt} <= now() + ${sql.raw(`interval '${SECRET_EXPIRY_NOTICE_DAYS} days'`)})`;
      if (idleDays === null) return secretLapsing;
      const idleSoon = sql`(${apiClients.status} = 'active' and ${idleSince} <= now() - ${sql.raw(`interval '${idleDays - IDLE_WARNING_DAYS} days'`)})`;
      return or(secretLapsing, idleSoon);
    }
  }
}

/**
 * One page of the organization's clients with the total count, searched (case-insensitive
 * substring of the name or client ID), filtered by status and sorted on the server.
 * Offset pagination: with the indexes above, even the last page of 10,000 clients is an
 * index scan of that organization's rows only.
 */
export async function listClients(
  executor: Executor,
  organizationId: string,
  query: ListClientsQuery = {},
): Promise<ClientPage> {
  const options = listClientsQuerySchema.parse(query);
  const conditions: SQL[] = [eq(apiClients.organizationId, organizationId)];
  if (options.status !== "all") conditions.push(eq(apiClients.status, options.status));
  const usage = usageCondition(options.usage, options.idleDays);
  if (usage) conditions.push(usage);
  if (options.search !== "") {
    const pattern = containsPattern(clientNameKey(options.search));
    const matches = or(like(apiClients.nameKey, pattern), like(sql`lower(${apiClients.clientId})`, pattern));
    if (matches) conditions.push(matches);
  }
  const where = and(...conditions);
  const rows = await executor
    .select({
      ...clientColumns,
      secretLapsesAt: sql<
        string | Date | null
      >`(select min(${apiClientSecrets.expiresAt}) from ${apiClientSecrets} where ${apiClientSecrets.apiClientId} = ${apiClients}.id and ${apiClientSecrets.revokedAt} is null and ${apiClientSecrets.expiresAt} > now())`,
    })
    .from(apiClients)
    .where(where)
    .orderBy(...orderOf(options.sort, options.direction))
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await executor.select({ total: count() }).from(apiClients).where(where);
  // A raw subquery's timestamp comes back as text from one driver and a Date from the other.
  const clients = rows.map((row) => ({
    ...row,
    secretLapsesAt: row.secretLapsesAt === null ? null : new Date(row.secretLapsesAt),
  }));
  return { clients, total: counted?.total ?? 0, limit: options.limit, offset: options.offset };
}
