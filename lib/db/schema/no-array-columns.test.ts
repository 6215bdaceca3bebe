import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./index";

describe("the schema", () => {
  it("has no PostgreSQL array columns: the server pool skips the driver's array-type query (lib/db/client.ts)", () => {
    const tables = (Object.values(schema) as unknown[]).filter(
      (value): value is PgTable => value instanceof PgTable,
    );
    expect(tables.length).toBeGreaterThan(5);
    const arrays = tables.flatMap((table) => {
      const { name, columns } = getTableConfig(table);
      return columns
        .filter((column) => column.columnType === "PgArray" || column.getSQLType().endsWith("]"))
        .map((column) => `${name}.${column.name}`);
    });
    expect(arrays).toEqual([]);
  });
});
