import type { Sql } from "postgres";
import { describe, expect, it, vi } from "vitest";
import { boundedSql } from "./bounded-sql";
import { DatabaseUnavailableError } from "./errors";

/** A driver Result as postgres.js builds it: an array with its command tag and statement. */
function result(rows: unknown[], command: string | null, statement: string | null) {
  return Object.defineProperties([...rows], {
    command: { value: command },
    statement: { value: statement === null ? null : { string: statement } },
  });
}

/** A stand-in for one postgres.js query: settles when the test says, records cancel(). */
function fakeQuery(text: string) {
  let settle: { resolve: (value: unknown) => void; reject: (error: unknown) => void } | undefined;
  const promise = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const query = {
    statement: { string: text },
    cancelled: false,
    values: () => query,
    cancel: () => {
      query.cancelled = true;
    },
    // biome-ignore lint/suspicious/noThenProperty: it stands in for the driver's thenable query
    then: promise.then.bind(promise),
    resolve: (value: unknown) => settle?.resolve(value),
    reject: (error: unknown) => settle?.reject(error),
  };
  return query;
}

function fakeSql(
  queries: Array<ReturnType<typeof fakeQuery>>,
  begin?: (...args: unknown[]) => Promise<unknown>,
) {
  const target = Object.assign(() => {}, {
    unsafe: (text: string) => {
      const query = fakeQuery(text);
      queries.push(query);
      return query;
    },
    begin: begin ?? (async () => undefined),
    options: { parsers: {}, serializers: {} },
  });
  return target as unknown as Sql;
}

const SELECT = 'select "id" from "api_clients" where "id" = $1';

describe("boundedSql", () => {
  it("passes the query's own result through, and what is not the client's untouched", async () => {
    const queries: Array<ReturnType<typeof fakeQuery>> = [];
    const sql = boundedSql(fakeSql(queries), 1000);
    expect(sql.options).toEqual({ parsers: {}, serializers: {} });
    const pending = sql.unsafe(SELECT).values();
    queries[0]?.resolve(result([["a"]], "SELECT", SELECT));
    expect(await pending).toEqual([["a"]]);
  });

  it("rejects a query that does not settle in time, and cancels it", async () => {
    vi.useFakeTimers();
    try {
      const queries: Array<ReturnType<typeof fakeQuery>> = [];
      const pending = Promise.resolve(boundedSql(fakeSql(queries), 500).unsafe(SELECT)).catch(
        (error) => error,
      );
      await vi.advanceTimersByTimeAsync(501);
      const error = await pending;
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(error).toMatchObject({ code: "QUERY_DEADLINE" });
      expect(queries[0]?.cancelled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ["no command tag (resolved without an answer from the server)", result([], null, null)],
    ["another verb's tag (a SELECT answered INSERT 0 1)", result([], "INSERT", null)],
    ["another statement's text", result([["b"]], "SELECT", 'select "id" from "users"')],
  ])("rejects a result with %s as lost", async (_case, lost) => {
    const queries: Array<ReturnType<typeof fakeQuery>> = [];
    const pending = Promise.resolve(boundedSql(fakeSql(queries), 1000).unsafe(SELECT)).catch(
      (error) => error,
    );
    queries[0]?.resolve(lost);
    expect(await pending).toMatchObject({ name: "DatabaseUnavailableError", code: "RESULT_LOST" });
  });

  it("passes the driver's own errors through", async () => {
    const queries: Array<ReturnType<typeof fakeQuery>> = [];
    const pending = Promise.resolve(boundedSql(fakeSql(queries), 1000).unsafe(SELECT)).catch(
      (error) => error,
    );
    const failure = Object.assign(new Error("duplicate key"), { code: "23505" });
    queries[0]?.reject(failure);
    expect(await pending).toBe(failure);
  });

  it("gives up on a transaction that cannot start, and never runs it afterwards", async () => {
    vi.useFakeTimers();
    try {
      let startLate: ((tx: Sql) => Promise<unknown>) | undefined;
      // A transaction waiting for a connection that does not come (porsager/postgres#1195).
      const begin = (...args: unknown[]) => {
        startLate = args.at(-1) as (tx: Sql) => Promise<unknown>;
        return new Promise(() => {});
      };
      const work = vi.fn(async () => "done");
      const sql = boundedSql(fakeSql([], begin), 500);
      const pending = sql.begin(work).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(501);
      expect(await pending).toMatchObject({ code: "QUERY_DEADLINE" });
      // The connection frees up later: the abandoned transaction must not run.
      await expect(startLate?.(fakeSql([]))).rejects.toMatchObject({ code: "QUERY_DEADLINE" });
      expect(work).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("bounds the queries inside a transaction too", async () => {
    const inside: Array<ReturnType<typeof fakeQuery>> = [];
    const begin = async (...args: unknown[]) =>
      (args.at(-1) as (tx: Sql) => Promise<unknown>)(fakeSql(inside));
    const sql = boundedSql(fakeSql([], begin), 1000);
    const pending = sql.begin(async (tx) => tx.unsafe(SELECT)).catch((error: unknown) => error);
    await vi.waitFor(() => expect(inside).toHaveLength(1));
    inside[0]?.resolve(result([], null, null));
    expect(await pending).toMatchObject({ code: "RESULT_LOST" });
  });
});
