import type { Executor } from "./client";

/**
 * A prepared query built once per connection (or transaction) instead of once per call: on the
 * hot paths, building a drizzle query costs more CPU than the database takes to run it.
 */
export function preparedPerConnection<TQuery>(
  build: (executor: Executor) => TQuery,
): (executor: Executor) => TQuery {
  const built = new WeakMap<Executor, TQuery>();
  return (executor) => {
    let query = built.get(executor);
    if (!query) {
      query = build(executor);
      built.set(executor, query);
    }
    return query;
  };
}
