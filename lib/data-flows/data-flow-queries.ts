import { and, asc, count, desc, eq, inArray, like, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import {
  type DataFlow,
  type DataFlowRun,
  dataFlowRuns,
  dataFlows,
  outboundCredentials,
} from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import type { DataFlowSortField } from "./data-flow-list-params";
import { dataFlowIdSchema } from "./data-flow-schemas";

/** An id that is not a UUID names nothing: not found, rather than a database error. */
const isId = (id: string) => dataFlowIdSchema.safeParse(id).success;

/**
 * What the "Data flows" page, a flow's run history and a run's page read, always within one
 * organization. Runs carry their counts; `totalRecords` is Axonius's total when it gave one
 * (the progress bar's maximum), `readCount` the value.
 */
export interface DataFlowRow extends DataFlow {
  credentialName: string;
  lastRun: Pick<DataFlowRun, "id" | "status" | "trigger" | "startedAt" | "finishedAt" | "createdAt"> | null;
}

const lastRunOf = sql<
  string | null
>`(select ${dataFlowRuns.id} from ${dataFlowRuns} where ${dataFlowRuns}.flow_id = ${dataFlows}.id order by ${dataFlowRuns}.created_at desc, ${dataFlowRuns}.id desc limit 1)`;

const lastRunAtOf = sql<Date | null>`(select max(${dataFlowRuns.createdAt}) from ${dataFlowRuns} where ${dataFlowRuns}.flow_id = ${dataFlows}.id)`;

/** Every flow of the organization, by name (the credential pages name the flows using them). */
export async function listDataFlows(executor: Executor, organizationId: string): Promise<DataFlowRow[]> {
  const page = await listDataFlowPage(executor, organizationId, { limit: 10_000 });
  return page.flows;
}

export interface DataFlowPageQuery {
  search?: string;
  sort?: DataFlowSortField;
  direction?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

/** Sort orders, each ending in a unique column so that pages never overlap. */
function orderOf(sort: DataFlowSortField, direction: "asc" | "desc"): SQL[] {
  const by = direction === "asc" ? asc : desc;
  const nullsLast = (value: SQL) => sql`${value} ${sql.raw(direction)} nulls last`;
  switch (sort) {
    case "name":
      return [by(dataFlows.nameKey)];
    case "credential":
      return [by(outboundCredentials.nameKey), asc(dataFlows.nameKey)];
    case "schedule":
      return [by(dataFlows.schedule), asc(dataFlows.nameKey)];
    case "lastRun":
      return [nullsLast(lastRunAtOf), asc(dataFlows.nameKey)];
    case "nextRun":
      return [nullsLast(sql`${dataFlows.nextRunAt}`), asc(dataFlows.nameKey)];
  }
}

/**
 * One page of the organization's flows with their credential's name and last run, and the
 * total matching the search (a case-insensitive substring of the flow's or the credential's name).
 */
export async function listDataFlowPage(
  executor: Executor,
  organizationId: string,
  query: DataFlowPageQuery = {},
): Promise<{ flows: DataFlowRow[]; total: number }> {
  const conditions: SQL[] = [eq(dataFlows.organizationId, organizationId)];
  const search = query.search?.toLowerCase().normalize("NFC") ?? "";
  if (search !== "") {
    const pattern = containsPattern(search);
    conditions.push(
      sql`(${like(dataFlows.nameKey, pattern)} or ${like(outboundCredentials.nameKey, pattern)})`,
    );
  }
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    executor
      .select({ flow: dataFlows, credentialName: outboundCredentials.name, lastRunId: lastRunOf })
      .from(dataFlows)
      .innerJoin(outboundCredentials, eq(outboundCredentials.id, dataFlows.credentialId))
      .where(where)
      .orderBy(...orderOf(query.sort ?? "name", query.direction ?? "asc"))
      .limit(Math.min(Math.max(query.limit ?? 25, 1), 10_000))
      .offset(Math.max(query.offset ?? 0, 0)),
    executor
      .select({ total: count() })
      .from(dataFlows)
      .innerJoin(outboundCredentials, eq(outboundCredentials.id, dataFlows.credentialId))
      .where(where),
  ]);
  const runIds = rows.map((row) => row.lastRunId).filter((id): id is string => id !== null);
  const runs = new Map<string, NonNullable<DataFlowRow["lastRun"]>>();
  if (runIds.length > 0) {
    const found = await executor
      .select({
        id: dataFlowRuns.id,
        status: dataFlowRuns.status,
        trigger: dataFlowRuns.trigger,
        startedAt: dataFlowRuns.startedAt,
        finishedAt: dataFlowRuns.finishedAt,
        createdAt: dataFlowRuns.createdAt,
      })
      .from(dataFlowRuns)
      .where(and(eq(dataFlowRuns.organizationId, organizationId), inArray(dataFlowRuns.id, runIds)));
    for (const run of found) runs.set(run.id, run);
  }
  return {
    flows: rows.map((row) => ({
      ...row.flow,
      credentialName: row.credentialName,
      lastRun: row.lastRunId ? (runs.get(row.lastRunId) ?? null) : null,
    })),
    total: counted?.total ?? 0,
  };
}

export async function findDataFlow(
  executor: Executor,
  organizationId: string,
  flowId: string,
): Promise<DataFlow | null> {
  if (!isId(flowId)) return null;
  const [flow] = await executor
    .select()
    .from(dataFlows)
    .where(and(eq(dataFlows.organizationId, organizationId), eq(dataFlows.id, flowId)));
  return flow ?? null;
}

/** A flow's runs, newest first (at most `limit`, default 50). */
export async function listDataFlowRuns(
  executor: Executor,
  organizationId: string,
  flowId: string,
  limit = 50,
): Promise<DataFlowRun[]> {
  if (!isId(flowId)) return [];
  return executor
    .select()
    .from(dataFlowRuns)
    .where(and(eq(dataFlowRuns.organizationId, organizationId), eq(dataFlowRuns.flowId, flowId)))
    .orderBy(desc(dataFlowRuns.createdAt), desc(dataFlowRuns.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}

/** One run with its live counts (poll it for the progress bar). */
export async function findDataFlowRun(
  executor: Executor,
  organizationId: string,
  runId: string,
): Promise<DataFlowRun | null> {
  if (!isId(runId)) return null;
  const [run] = await executor
    .select()
    .from(dataFlowRuns)
    .where(and(eq(dataFlowRuns.organizationId, organizationId), eq(dataFlowRuns.id, runId)));
  return run ?? null;
}
