import { and, asc, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import { type ClientRecord, clientColumns, clientNameKey } from "./client-record";
import { type ClientSortField, type ListClientsQuery, listClientsQuerySchema } from "./client-schemas";

export interface ClientPage {
  clients: ClientRecord[];
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
  if (options.search !== "") {
    const pattern = containsPattern(clientNameKey(options.search));
    const matches = or(like(apiClients.nameKey, pattern), like(sql`lower(${apiClients.clientId})`, pattern));
    if (matches) conditions.push(matches);
  }
  const where = and(...conditions);
  const clients = await executor
    .select(clientColumns)
    .from(apiClients)
    .where(where)
    .orderBy(...orderOf(options.sort, options.direction))
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await executor.select({ total: count() }).from(apiClients).where(where);
  return { clients, total: counted?.total ?? 0, limit: options.limit, offset: options.offset };
}
