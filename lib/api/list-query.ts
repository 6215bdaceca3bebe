import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { decodeCursor } from "./cursor";
import type { ResourceDefinition } from "./resource-definition";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** The sort values a resource accepts: each field, and each field with "-" for descending. */
export function sortValuesOf(definition: ResourceDefinition): [string, ...string[]] {
  const fields = Object.keys(definition.sorts);
  return [...fields, ...fields.map((field) => `-${field}`)] as [string, ...string[]];
}

const querySchemas = new WeakMap<ResourceDefinition, z.ZodObject>();

/** The list's query parameters: the resource's filters plus limit, cursor and sort. */
export function listQuerySchemaOf(definition: ResourceDefinition): z.ZodObject {
  let schema = querySchemas.get(definition);
  if (!schema) {
    schema = definition.filters.extend({
      limit: z.coerce
        .number()
        .int("Must be a whole number")
        .min(1, "Must be at least 1")
        .max(MAX_PAGE_SIZE, `Must be at most ${MAX_PAGE_SIZE}`)
        .default(DEFAULT_PAGE_SIZE)
        .describe("How many items to return (1–100)."),
      cursor: z
        .string()
        .refine((cursor) => decodeCursor(cursor) !== null, "Not a cursor issued by this API")
        .optional()
        .describe("The next_cursor of the previous page, to read the page after it."),
      sort: z
        .enum(sortValuesOf(definition))
        .default(definition.defaultSort)
        .describe("The field to sort by; a leading - sorts descending."),
    });
    querySchemas.set(definition, schema);
  }
  return schema;
}

/**
 * How a sort key travels through a cursor as text and back without losing precision:
 * timestamps as whole microseconds since the epoch (a JavaScript Date would keep only
 * milliseconds, and rows a few microseconds apart would be skipped or repeated).
 */
interface SortKeyCodec {
  select(column: AnyPgColumn): SQL<string>;
  compareTo(key: string): SQL | null;
}

/** Microseconds since the epoch of 0001-01-01 and 9999-12-31T23:59:59.999999Z: every key Latchkey issues. */
const EARLIEST_MICROSECONDS = -62_135_596_800_000_000n;
const LATEST_MICROSECONDS = 253_402_300_799_999_999n;

/** A key within the years 1–9999, so a forged one cannot push PostgreSQL's timestamp out of range. */
function isIssuableMicroseconds(key: string): boolean {
  if (!/^-?\d{1,18}$/.test(key)) return false;
  const value = BigInt(key);
  return value >= EARLIEST_MICROSECONDS && value <= LATEST_MICROSECONDS;
}

const timestampCodec: SortKeyCodec = {
  select: (column) => sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`,
  compareTo: (key) =>
    isIssuableMicroseconds(key)
      ? sql`(timestamptz 'epoch' + ${key}::bigint * interval '1 microsecond')`
      : null,
};

const textCodec: SortKeyCodec = {
  select: (column) => sql<string>`${column}::text`,
  compareTo: (key) => sql`${key}::text`,
};

export function sortKeyCodecOf(column: AnyPgColumn): SortKeyCodec {
  if (column.columnType === "PgTimestamp") return timestampCodec;
  if (column.columnType === "PgText") return textCodec;
  throw new Error(`column ${column.name} cannot be a sort key`);
}
