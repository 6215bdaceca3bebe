import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { getDb, type Transaction } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { resourcePath } from "@/lib/permissions/catalogue";
import { toColumnValues } from "./api-columns";
import { conflictProblem, notFoundProblem } from "./api-problem";
import { checkReferences } from "./check-references";
import { UUID_PATTERN } from "./cursor";
import { jsonResponse } from "./json-response";
import { readJsonBody } from "./read-json-body";
import { findResourceRow, presentResource } from "./read-resources";
import { recordApiMutation } from "./record-api-mutation";
import type { ResourceDefinition, WriteContext } from "./resource-definition";
import { parseBody } from "./validate-input";

type Input = Record<string, unknown>;

/** A unique constraint the body ran into becomes 409 naming the field; anything else propagates. */
async function withConflicts<T>(definition: ResourceDefinition, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    for (const [constraint, { field, detail }] of Object.entries(definition.uniqueConstraints ?? {})) {
      if (isUniqueViolation(error, constraint)) throw conflictProblem([{ pointer: `#/${field}`, detail }]);
    }
    throw error;
  }
}

async function columnValuesOf(definition: ResourceDefinition, input: Input, context: WriteContext) {
  const derived = (await definition.derive?.(input, context)) ?? {};
  return { ...toColumnValues(definition.table, input), ...derived };
}

async function readInput(definition: ResourceDefinition, request: Request, schema: z.ZodType) {
  const body = await readJsonBody(request, definition.maxBodyBytes);
  return parseBody(schema, body) as Input;
}

async function presentStoredRow(
  tx: Transaction,
  definition: ResourceDefinition,
  caller: ApiCaller,
  id: string,
) {
  const row = await findResourceRow(tx, definition, caller.organizationId, id);
  if (!row) throw new Error(`${definition.noun} ${id} vanished inside its own transaction`);
  return presentResource(definition, row);
}

/** POST /api/v1/{resource}: 201 with the new item and its Location. */
export async function createResource(definition: ResourceDefinition, request: Request, caller: ApiCaller) {
  if (!definition.create) throw new Error(`${definition.key} has no create operation`);
  const input = await readInput(definition, request, definition.create);
  const { table } = definition;
  const db = await getDb();
  const created = await withConflicts(definition, () =>
    db.transaction(async (tx) => {
      const context: WriteContext = { tx, caller, mode: "create" };
      await checkReferences(tx, definition, caller.organizationId, input);
      await definition.guard?.(input, context);
      const values = await columnValuesOf(definition, input, context);
      const [row] = await tx
        .insert(table)
        .values({ ...values, organizationId: caller.organizationId } as never)
        .returning({ id: table.id });
      const id = String(row?.id);
      await definition.afterWrite?.(input, { ...context, id });
      await recordApiMutation(tx, caller, definition, "created", id, Object.keys(input));
      return presentStoredRow(tx, definition, caller, id);
    }),
  );
  return jsonResponse(201, created, { location: `/api/v1/${resourcePath(definition.key)}/${created.id}` });
}

/** PATCH /api/v1/{resource}/{id}: only the fields sent change; an empty object changes nothing. */
export async function updateResource(
  definition: ResourceDefinition,
  request: Request,
  caller: ApiCaller,
  id: string,
) {
  if (!UUID_PATTERN.test(id)) throw notFoundProblem(definition.noun);
  const schema = definition.update;
  if (!schema) throw new Error(`${definition.key} has no update schema`);
  const input = await readInput(definition, request, schema);
  const { table } = definition;
  const db = await getDb();
  const updated = await withConflicts(definition, () =>
    db.transaction(async (tx) => {
      // The item is looked up (and locked) first, so that a missing one is 404 whatever the body.
      const [existing] = await tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.organizationId, caller.organizationId), eq(table.id, id)))
        .for("update");
      if (!existing) throw notFoundProblem(definition.noun);
      const fields = Object.keys(input);
      if (fields.length === 0) return presentStoredRow(tx, definition, caller, id);
      const context: WriteContext = { tx, caller, mode: "update", id };
      await checkReferences(tx, definition, caller.organizationId, input);
      await definition.guard?.(input, context);
      const values = await columnValuesOf(definition, input, context);
      if ("updatedAt" in table) values.updatedAt = new Date();
      await tx
        .update(table)
        .set(values as never)
        .where(and(eq(table.organizationId, caller.organizationId), eq(table.id, id)));
      await definition.afterWrite?.(input, { ...context, id });
      await recordApiMutation(tx, caller, definition, "updated", id, fields);
      return presentStoredRow(tx, definition, caller, id);
    }),
  );
  return jsonResponse(200, updated);
}

async function deleteRow(
  tx: Transaction,
  definition: ResourceDefinition,
  organizationId: string,
  id: string,
) {
  const { table } = definition;
  const [row] = await tx
    .delete(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, id)))
    .returning({ id: table.id });
  return row ? "removed" : "missing";
}

/** DELETE /api/v1/{resource}/{id}: 204; deleting what is already in the deleted state is a no-op. */
export async function deleteResource(definition: ResourceDefinition, caller: ApiCaller, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFoundProblem(definition.noun);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const outcome = definition.remove
      ? await definition.remove(tx, caller, id)
      : await deleteRow(tx, definition, caller.organizationId, id);
    if (outcome === "missing") throw notFoundProblem(definition.noun);
    if (outcome === "removed") await recordApiMutation(tx, caller, definition, "deleted", id);
  });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
