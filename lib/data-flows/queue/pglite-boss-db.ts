import type { PGlite } from "@electric-sql/pglite";

/**
 * pg-boss's `db` option over the embedded database (STACK-NOTES): parameterised statements
 * go through query(), multi-statement text (its migrations and queue DDL) through exec(),
 * and a failed multi-statement text is rolled back so the connection is usable again.
 */
export function pgliteBossDb(pglite: PGlite) {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      if (values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }
      try {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        await pglite.exec("ROLLBACK").catch(() => {});
        throw error;
      }
    },
  };
}
