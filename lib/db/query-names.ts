import type { PgSession } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/**
 * Names for queries in logs, so that a failed query can be told without its text or values.
 * Prepared statements keep the name they were prepared with ("latchkey_client_by_secret");
 * any other query is named by its verb and first table ("select api_clients"). Neither can
 * carry a value: SQL text from drizzle holds placeholders, and names hold identifiers only.
 */
const NAMES = Symbol.for("latchkey.db.preparedQueryNames");
type GlobalWithNames = typeof globalThis & { [NAMES]?: Map<string, string> };

function preparedNames(): Map<string, string> {
  const store = globalThis as GlobalWithNames;
  store[NAMES] ??= new Map();
  return store[NAMES];
}

const MAX_REMEMBERED = 1000;

/** Remembers the name every statement is prepared with, on this database's session. */
export function rememberPreparedQueryNames(db: Database): void {
  const session = db._.session as unknown as PgSession & { [NAMES]?: true };
  if (session[NAMES]) return;
  session[NAMES] = true;
  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = ((query, fields, name, ...rest) => {
    const names = preparedNames();
    if (name && names.size < MAX_REMEMBERED) names.set(query.sql, name);
    return prepare(query, fields, name, ...rest);
  }) as typeof session.prepareQuery;
}

const IDENTIFIER = /^\s+(?:"?[A-Za-z_][A-Za-z0-9_$]*"?\.)?"?([A-Za-z_][A-Za-z0-9_$]*)"?/;
const VERB = /^\s*(?:with\b[\s\S]*?\)\s*)?(select|insert|update|delete)\b/i;
const TABLE_AFTER: Record<string, RegExp> = {
  insert: /^\s*insert\s+into\b/i,
  update: /^\s*update\b/i,
  delete: /^\s*delete\s+from\b/i,
};

/** The table after a SELECT's own FROM: not a FROM inside parentheses (`extract(epoch from …)`). */
function selectTable(sqlText: string): string | undefined {
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < sqlText.length; index += 1) {
    const char = sqlText[index];
    if (char === '"' || char === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    else if (
      depth === 0 &&
      /^from\b/i.test(sqlText.slice(index, index + 5)) &&
      /\W/.test(sqlText[index - 1] ?? " ")
    ) {
      return IDENTIFIER.exec(sqlText.slice(index + 4))?.[1];
    }
  }
  return undefined;
}

/** The name of the query with this SQL text (never the text itself). */
export function queryName(sqlText: string): string {
  const prepared = preparedNames().get(sqlText);
  if (prepared) return prepared;
  const verb = VERB.exec(sqlText)?.[1]?.toLowerCase();
  if (!verb) {
    const keyword = /^\s*([A-Za-z]+)/.exec(sqlText)?.[1]?.toLowerCase();
    return keyword ? `${keyword} statement` : "statement";
  }
  const statement = sqlText.replace(VERB, verb);
  const after = TABLE_AFTER[verb]?.exec(statement);
  const table =
    verb === "select"
      ? selectTable(statement)
      : after
        ? IDENTIFIER.exec(statement.slice(after[0].length))?.[1]
        : undefined;
  return table ? `${verb} ${table}` : verb;
}
