import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { type Executor, getDb } from "@/lib/db/client";
import { presentRow } from "./api-columns";
import { notFoundProblem, validationProblem } from "./api-problem";
import { decodeCursor, encodeCursor, UUID_PATTERN } from "./cursor";
import { jsonResponse } from "./json-response";
import { listQuerySchemaOf, sortKeyCodecOf } from "./list-query";
import type { ResourceDefinition } from "./resource-definition";
import { parseQuery } from "./validate-input";

const CURSOR_KEY = "__cursor_key";

export function presentResource(definition: ResourceDefinition, row: Record<string, unknown>) {
  return presentRow(row, definition.jsonFields);
}

/** One row of the caller's organization, or null; a malformed ID is simply not found. */
export async function findResourceRow(
  executor: Executor,
  definition: ResourceDefinition,
  organizationId: string,
  id: string,
): Promise<Record<string, unknown> | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const { table } = definition;
  const [row] = await executor
    .select(definition.selection)
    .from(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, id)))
    .limit(1);
  return (row as Record<string, unknown> | undefined) ?? null;
}

/** GET /api/v1/{resource}/{id} */
export async function getResource(definition: ResourceDefinition, caller: ApiCaller, id: string) {
  const row = await findResourceRow(await getDb(), definition, caller.organizationId, id);
  if (!row) throw notFoundProblem(definition.noun);
  return jsonResponse(200, presentResource(definition, row));
}

/**
 * GET /api/v1/{resource}: one page in keyset order. The cursor holds the last row's sort key
 * and ID, so a page costs one index range scan however deep it is, and rows inserted or
 * deleted meanwhile neither repeat nor shift other rows between pages.
 */
export async function listResources(definition: ResourceDefinition, request: Request, caller: ApiCaller) {
  const { limit, cursor, sort, ...filters } = parseQuery(
    listQuerySchemaOf(definition),
    new URL(request.url).searchParams,
  ) as { limit: number; cursor?: string; sort: string } & Record<string, unknown>;
  const descending = sort.startsWith("-");
  const { table } = definition;
  const sortColumn = definition.sorts[sort.replace(/^-/, "")];
  if (!sortColumn) throw new Error(`unknown sort ${sort}`);
  const codec = sortKeyCodecOf(sortColumn);

  const conditions: (SQL | undefined)[] = [
    eq(table.organizationId, caller.organizationId),
    ...definition.where(filters),
  ];
  if (cursor !== undefined) {
    const position = decodeCursor(cursor);
    if (position && position.sort !== sort) {
      throw validationProblem([{ parameter: "cursor", detail: "This cursor belongs to another sort order" }]);
    }
    const key = position ? codec.compareTo(position.key) : null;
    if (!position || !key) {
      throw validationProblem([{ parameter: "cursor", detail: "Not a cursor issued by this API" }]);
    }
    const comparison = sql.raw(descending ? "<" : ">");
    conditions.push(sql`(${sortColumn}, ${table.id}) ${comparison} (${key}, ${position.id}::uuid)`);
  }
  const direction = descending ? desc : asc;
  const rows = (await (
    await getDb()
  )
    .select({ ...definition.selection, [CURSOR_KEY]: codec.select(sortColumn) })
    .from(table)
    .where(and(...conditions))
    .orderBy(direction(sortColumn), direction(table.id))
    .limit(limit + 1)) as Record<string, unknown>[];

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ sort, key: String(last[CURSOR_KEY]), id: String(last.id) })
      : null;
  const data = page.map(({ [CURSOR_KEY]: _key, ...row }) => presentResource(definition, row));
  return jsonResponse(200, { data, next_cursor: nextCursor });
}
