import { ilike, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** A LIKE pattern matching `text` anywhere, its wildcards escaped so "50%" or "a_b" mean those characters. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A case-insensitive substring search over some text columns; undefined for no search. */
export function searchCondition(query: string | undefined, columns: AnyPgColumn[]): SQL | undefined {
  if (query === undefined || query === "") return undefined;
  const pattern = containsPattern(query);
  return or(...columns.map((column) => ilike(column, pattern)));
}
