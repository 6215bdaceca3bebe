import { and, asc, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { dataFlows, outboundCredentials } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import { credentialColumns, credentialNameKey, type OutboundCredentialRecord } from "./credential-record";
import {
  type CredentialSortField,
  type ListOutboundCredentialsQuery,
  listOutboundCredentialsQuerySchema,
} from "./credential-schemas";

export interface OutboundCredentialRow extends OutboundCredentialRecord {
  /** How many data flows use the credential (it cannot be deleted while any does). */
  dataFlowCount: number;
}

export interface OutboundCredentialPage {
  credentials: OutboundCredentialRow[];
  /** Credentials matching the search and filter, across all pages. */
  total: number;
  limit: number;
  offset: number;
}

/** Sort orders, each ending in a unique column so that pages never overlap. */
function orderOf(sort: CredentialSortField, direction: "asc" | "desc"): SQL[] {
  const by = direction === "asc" ? asc : desc;
  switch (sort) {
    case "name":
      // name_key is unique in the organization, so it alone is a total order.
      return [by(outboundCredentials.nameKey)];
    case "connector":
      return [by(outboundCredentials.connector), asc(outboundCredentials.nameKey)];
    case "hostUrl":
      return [by(outboundCredentials.hostUrl), asc(outboundCredentials.nameKey)];
    case "lastTestedAt":
      // Never-tested credentials last in both directions.
      return [
        sql`${outboundCredentials.lastTestedAt} ${sql.raw(direction)} nulls last`,
        by(outboundCredentials.id),
      ];
    case "createdAt":
      return [by(outboundCredentials.createdAt), by(outboundCredentials.id)];
    case "updatedAt":
      return [by(outboundCredentials.updatedAt), by(outboundCredentials.id)];
  }
}

/**
 * One page of the organization's credentials (safe fields only) with the total count:
 * searched (case-insensitive substring of the name or host URL), filtered by connector and
 * sorted on the server, for the Credentials table and the wizard's tiles.
 */
export async function listOutboundCredentials(
  executor: Executor,
  organizationId: string,
  query: ListOutboundCredentialsQuery = {},
): Promise<OutboundCredentialPage> {
  const options = listOutboundCredentialsQuerySchema.parse(query);
  const conditions: SQL[] = [eq(outboundCredentials.organizationId, organizationId)];
  if (options.connector !== "all") conditions.push(eq(outboundCredentials.connector, options.connector));
  if (options.search !== "") {
    const pattern = containsPattern(credentialNameKey(options.search));
    // Host URLs are stored with a lower-case host; a path may have capitals.
    const matches = or(
      like(outboundCredentials.nameKey, pattern),
      like(sql`lower(${outboundCredentials.hostUrl})`, pattern),
    );
    if (matches) conditions.push(matches);
  }
  const where = and(...conditions);
  const rows = await executor
    .select({
      ...credentialColumns,
      dataFlowCount: sql<number>`(select count(*)::int from ${dataFlows} where ${dataFlows}.credential_id = ${outboundCredentials}.id)`,
    })
    .from(outboundCredentials)
    .where(where)
    .orderBy(...orderOf(options.sort, options.direction))
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await executor.select({ total: count() }).from(outboundCredentials).where(where);
  return {
    credentials: rows.map((row) => ({ ...row, dataFlowCount: Number(row.dataFlowCount) })),
    total: counted?.total ?? 0,
    limit: options.limit,
    offset: options.offset,
  };
}
