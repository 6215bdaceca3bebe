import type { SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import type { AuditAction } from "@/lib/audit/audit-action-catalogue";
import type { Transaction } from "@/lib/db/client";
import { findResource, type Operation, type ResourceKey } from "@/lib/permissions/catalogue";
import { apiColumnsOf, type ComputedField, responseSchemaOf } from "./api-columns";

/** A tenant table the API exposes: it has an `id` and an `organization_id`. */
export type ResourceTable = PgTable & { id: AnyPgColumn; organizationId: AnyPgColumn };

export interface WriteContext {
  tx: Transaction;
  caller: ApiCaller;
  mode: "create" | "update";
  /** The row being updated; absent on create. */
  id?: string;
}

/** What a delete did: the row was not there, was already in the deleted state, or went. */
export type RemoveOutcome = "missing" | "unchanged" | "removed";

type ColumnValues = Record<string, unknown>;

/**
 * Everything that differs between the seven resources; the list, read, write and OpenAPI
 * code is shared and reads only this. Body fields and response fields use the column names.
 */
interface ResourceSpec<Filters extends z.ZodObject, Create extends z.ZodType, Update extends z.ZodType> {
  key: ResourceKey;
  /** Singular noun for messages, audit actions and OpenAPI operation IDs ("case"). */
  noun: string;
  table: ResourceTable;
  /** Columns never sent, beyond organization_id, which no response carries. */
  hiddenColumns?: readonly string[];
  /** Response fields computed by the database (e.g. a group's member IDs). */
  computed?: Record<string, ComputedField>;
  /** The list filters, as a strict object of query parameters. */
  filters: Filters;
  where(filters: z.output<Filters>): (SQL | undefined)[];
  /** Sortable fields; each must be NOT NULL so that (key, id) is a total order. */
  sorts: Record<string, AnyPgColumn>;
  /** A sort field, with a leading "-" for descending. */
  defaultSort: string;
  /** The create body; absent for a resource the catalogue gives no create (read-only). */
  create?: Create;
  update?: Update;
  maxBodyBytes?: number;
  /** Body fields holding IDs (or arrays of IDs) that must belong to the caller's organization. */
  references?: Record<string, ResourceTable>;
  /** Unique constraints a create or update can hit, with the field to blame. */
  uniqueConstraints?: Record<string, { field: string; detail: string }>;
  /** Refuses a write the API must not make (raise an ApiProblem), after references are checked. */
  guard?(input: Partial<z.output<Create>>, context: WriteContext): Promise<void>;
  /** Column values computed from the input (hashes, derived dates, a report's result). */
  derive?(input: Partial<z.output<Create>>, context: WriteContext): ColumnValues | Promise<ColumnValues>;
  /** Writes beyond the row itself (a group's members), in the same transaction. */
  afterWrite?(input: Partial<z.output<Create>>, context: WriteContext & { id: string }): Promise<void>;
  /** Replaces the plain DELETE (users are deactivated, not deleted). */
  remove?(tx: Transaction, caller: ApiCaller, id: string): Promise<RemoveOutcome>;
  /** Audit action names where `${noun}.created` and the like do not say what happened. */
  actions?: Partial<Record<MutationKind, AuditAction>>;
}

export type MutationKind = "created" | "updated" | "deleted";

export interface ResourceDefinition extends ResourceSpec<z.ZodObject, z.ZodType, z.ZodType> {
  /** The fields a list or read selects: the visible columns and the computed fields. */
  selection: Record<string, AnyPgColumn | SQL>;
  responseSchema: z.ZodObject;
  /** Computed fields that arrive as JSON. */
  jsonFields: readonly string[];
}

/** Checks a resource's spec once, at module load, and adds what is derived from it. */
export function defineResource<
  Filters extends z.ZodObject,
  Create extends z.ZodType = z.ZodNever,
  Update extends z.ZodType = z.ZodNever,
>(spec: ResourceSpec<Filters, Create, Update>): ResourceDefinition {
  const operations: readonly Operation[] = findResource(spec.key)?.operations ?? [];
  if (operations.includes("create") !== (spec.create !== undefined))
    throw new Error(`${spec.key}: a create schema exactly when the catalogue gives it create`);
  const sortField = spec.defaultSort.replace(/^-/, "");
  if (!(sortField in spec.sorts)) throw new Error(`${spec.key}: unknown default sort ${spec.defaultSort}`);
  for (const [name, column] of Object.entries(spec.sorts)) {
    if (!column.notNull) throw new Error(`${spec.key}: sort ${name} is nullable`);
  }
  const columns = apiColumnsOf(spec.table, spec.hiddenColumns ?? []);
  const computed = spec.computed ?? {};
  const selection: Record<string, AnyPgColumn | SQL> = { ...columns };
  for (const [name, field] of Object.entries(computed)) selection[name] = field.select;
  return {
    ...(spec as unknown as ResourceSpec<z.ZodObject, z.ZodType, z.ZodType>),
    selection,
    responseSchema: responseSchemaOf(columns, computed),
    jsonFields: Object.keys(computed),
  };
}
