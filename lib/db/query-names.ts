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

const IDENTIFIER = `"?([A-Za-z_][A-Za-z0-9_$]*)"?`;
const VERB = /^\s*(?:with\b[\s\S]*?\)\s*)?(select|insert|update|delete)\b/i;
const TABLE: Record<string, RegExp> = {
  select: new RegExp(String.raw`\bfrom\s+(?:${IDENTIFIER}\.)?${IDENTIFIER}`, "i"),
  insert: new RegExp(String.raw`^\s*insert\s+into\s+(?:${IDENTIFIER}\.)?${IDENTIFIER}`, "i"),
  update: new RegExp(String.raw`^\s*update\s+(?:${IDENTIFIER}\.)?${IDENTIFIER}`, "i"),
  delete: new RegExp(String.raw`^\s*delete\s+from\s+(?:${IDENTIFIER}\.)?${IDENTIFIER}`, "i"),
};

/** The name of the query with this SQL text (never the text itself). */
export function queryName(sqlText: string): string {
  const prepared = preparedNames().get(sqlText);
  if (prepared) return prepared;
  const verb = VERB.exec(sqlText)?.[1]?.toLowerCase();
  if (!verb) {
    const keyword = /^\s*([A-Za-z]+)/.exec(sqlText)?.[1]?.toLowerCase();
    return keyword ? `${keyword} statement` : "statement";
  }
  const match = TABLE[verb]?.exec(verb === "select" ? sqlText : sqlText.replace(VERB, verb));
  const table = match?.[2] ?? match?.[1];
  return table ? `${verb} ${table}` : verb;
}
