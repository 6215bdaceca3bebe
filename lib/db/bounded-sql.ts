import type { Sql } from "postgres";
import { DatabaseUnavailableError } from "./errors";

/**
 * postgres.js (3.4.9) can leave a query unsettled when PostgreSQL cuts a connection at the wrong
 * moment — while it connects, or with the query queued behind a dying connection
 * (porsager/postgres#1193, #1195, #1186) — and, after such a cut, can settle a query with a
 * result that was not its own: under pg_terminate_backend, the SELECT that looks up a client's
 * secret was seen settled with another query's "INSERT 0 1" and no rows, so a valid secret was
 * answered 401 invalid_client and counted as a failed attempt. Both are lies to the caller (no
 * answer, or bad credentials that are good). So every query drizzle sends goes through this
 * wrapper, which
 * - rejects with DatabaseUnavailableError("QUERY_DEADLINE") when the query has not settled in
 *   `deadlineMs` (waiting for a connection included), cancelling it on the server;
 * - rejects with DatabaseUnavailableError("RESULT_LOST") when the result is not the query's: it
 *   carries no command tag, another verb's tag, or was produced by another statement's text;
 * - gives a transaction `deadlineMs` to start and `deadlineMs` to commit once its work is done,
 *   and never lets one start after its caller was told it failed.
 * PostgreSQL's own statement_timeout (set per connection in client.ts) ends runaway statements on
 * the server side; this bounds the wait on ours.
 */
export function boundedSql(sql: Sql, deadlineMs: number): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (...args: Parameters<Sql["unsafe"]>) =>
          new BoundedQuery(target.unsafe(...args) as unknown as DriverQuery, deadlineMs);
      }
      if (property === "begin" || property === "savepoint") {
        const start = Reflect.get(target, property, receiver) as TransactionStarter;
        return (...args: unknown[]) => boundedTransaction(start, args, deadlineMs);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

interface DriverQuery extends PromiseLike<unknown> {
  values(): DriverQuery;
  cancel(): unknown;
  /** The SQL text, once the driver has built the query (postgres.js internals, read only). */
  statement?: { string?: string } | null;
}

type TransactionStarter = (...args: unknown[]) => Promise<unknown>;

/** A query as drizzle uses it (`.values()`, then awaited), with the deadline and the result check. */
class BoundedQuery implements PromiseLike<unknown> {
  private settled: Promise<unknown> | undefined;

  constructor(
    private readonly query: DriverQuery,
    private readonly deadlineMs: number,
  ) {}

  values(): this {
    this.query.values();
    return this;
  }

  // biome-ignore lint/suspicious/noThenProperty: drizzle awaits the driver's query object
  then<A = unknown, B = never>(
    onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.settled ??= this.run();
    return this.settled.then(onFulfilled, onRejected);
  }

  private run(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        Promise.resolve(this.query.cancel()).catch(() => {});
        reject(
          new DatabaseUnavailableError("QUERY_DEADLINE", `The query did not finish in ${this.deadlineMs} ms`),
        );
      }, this.deadlineMs);
      this.query.then(
        (result) => {
          clearTimeout(timer);
          if (!isResultOf(result, this.query)) {
            reject(
              new DatabaseUnavailableError("RESULT_LOST", "The database connection lost the query's result"),
            );
          } else resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

const VERB = /^\s*(select|insert|update|delete)\b/i;

/** Whether a driver Result is the answer to this query (see the header comment). */
function isResultOf(result: unknown, query: DriverQuery): boolean {
  if (!Array.isArray(result) || !("command" in result)) return true;
  const { command, statement } = result as unknown as {
    command: unknown;
    statement?: { string?: string } | null;
  };
  if (typeof command !== "string") return false;
  const text = query.statement?.string;
  if (text === undefined) return true;
  if (statement?.string !== undefined && statement.string !== text) return false;
  const verb = VERB.exec(text)?.[1]?.toUpperCase();
  return verb === undefined || command === verb;
}

function boundedTransaction(
  start: TransactionStarter,
  args: unknown[],
  deadlineMs: number,
): Promise<unknown> {
  const work = args.at(-1) as (tx: Sql) => Promise<unknown>;
  let phase: "waiting" | "working" | "committing" | "abandoned" = "waiting";
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve, reject) => {
    const giveUp = (message: string) => () => {
      phase = "abandoned";
      reject(new DatabaseUnavailableError("QUERY_DEADLINE", message));
    };
    timer = setTimeout(giveUp(`The transaction did not start in ${deadlineMs} ms`), deadlineMs);
    const bounded = async (tx: Sql) => {
      // Its caller already heard it failed: it must not happen after all.
      if (phase === "abandoned")
        throw new DatabaseUnavailableError("QUERY_DEADLINE", "Transaction abandoned");
      clearTimeout(timer);
      phase = "working";
      try {
        return await work(boundedSql(tx, deadlineMs));
      } finally {
        phase = "committing";
        timer = setTimeout(giveUp(`The transaction did not commit in ${deadlineMs} ms`), deadlineMs);
      }
    };
    start(...args.slice(0, -1), bounded).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
