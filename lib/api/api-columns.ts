import { getTableColumns, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";

/**
 * The API speaks the database's own column names (already snake_case), so a table's
 * columns are its API fields, minus those it must never show.
 */
export function apiColumnsOf(table: PgTable, hidden: readonly string[]): Record<string, AnyPgColumn> {
  const columns: Record<string, AnyPgColumn> = {};
  for (const column of Object.values(getTableColumns(table)) as AnyPgColumn[]) {
    if (column.name === "organization_id" || hidden.includes(column.name)) continue;
    columns[column.name] = column;
  }
  return columns;
}

function fieldSchemaOf(column: AnyPgColumn): z.ZodType {
  const schema = ((): z.ZodType => {
    switch (column.columnType) {
      case "PgUUID":
        return z.uuid();
      case "PgText":
        return z.string();
      case "PgEnumColumn":
        return z.enum(column.enumValues as [string, ...string[]]);
      case "PgTimestamp":
        return z.iso.datetime();
      case "PgBoolean":
        return z.boolean();
      case "PgInteger":
      case "PgBigInt53":
        return z.number().int();
      case "PgJsonb":
        return z.record(z.string(), z.unknown());
      default:
        throw new Error(`no API representation for column ${column.name} (${column.columnType})`);
    }
  })();
  return column.notNull ? schema : schema.nullable();
}

/** The response schema of one resource, for OpenAPI and for tests that check responses. */
export function responseSchemaOf(
  columns: Record<string, AnyPgColumn>,
  computed: Record<string, { schema: z.ZodType }>,
): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, column] of Object.entries(columns)) shape[name] = fieldSchemaOf(column);
  for (const [name, field] of Object.entries(computed)) shape[name] = field.schema;
  return z.strictObject(shape);
}

/** Dates as ISO 8601; JSON aggregated by the database may arrive as text from some drivers. */
export function presentRow(
  row: Record<string, unknown>,
  jsonFields: readonly string[],
): Record<string, unknown> {
  // Dates need nothing: JSON.stringify writes them as ISO 8601. Only JSON columns a driver
  // hands back as text are parsed; a list page does this for 50 rows per request.
  if (jsonFields.length === 0) return row;
  const presented: Record<string, unknown> = { ...row };
  for (const name of jsonFields) {
    const value = presented[name];
    if (typeof value === "string") presented[name] = JSON.parse(value);
  }
  return presented;
}

/** Maps validated snake_case input onto the table's columns; keys that are not columns are left out. */
export function toColumnValues(table: PgTable, input: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(getTableColumns(table)) as [string, AnyPgColumn][]) {
    if (column.name === "organization_id") continue;
    const value = input[column.name];
    if (value !== undefined) values[property] = value;
  }
  return values;
}

export type ComputedField = { select: SQL; schema: z.ZodType };
