import { asDatabaseUnavailable, DatabaseUnavailableError } from "@/lib/db/errors";
import { appliedMigrationCount, expectedMigrationCount } from "@/lib/db/migrate";
import { reportDatabaseUnavailable } from "@/lib/db/report-unavailable";
import { serviceUnavailableResponse } from "@/lib/http/problem";
import { batchedWriteStats } from "@/lib/usage/batched-writer";

/**
 * Rows of the batched writers (API request log, security events, last-used times) given up on
 * since start: in all, and by writer (a writer appears once it has been used).
 */
function droppedWrites(): { dropped: number; droppedByWriter: Record<string, number> } {
  const byWriter = Object.entries(batchedWriteStats()).map(([name, stats]) => [name, stats.dropped] as const);
  return {
    dropped: byWriter.reduce((total, [, dropped]) => total + dropped, 0),
    droppedByWriter: Object.fromEntries(byWriter),
  };
}

/**
 * For load balancers and start-up scripts: 200 when the database answers and every migration
 * is applied, 503 problem+json with Retry-After otherwise. Says nothing about data or
 * configuration; it does say how many batched writes (API log, security events, last-used
 * times) this process had to drop.
 */
export async function checkHealth(): Promise<Response> {
  const batchedWrites = droppedWrites();
  let applied: number;
  let expected: number;
  try {
    [applied, expected] = await Promise.all([appliedMigrationCount(), expectedMigrationCount()]);
  } catch (error) {
    // Health answers 503 for any failure to read the database, outage or not.
    reportDatabaseUnavailable(
      asDatabaseUnavailable(error) ??
        new DatabaseUnavailableError("UNREADABLE", "The database cannot be read", { cause: error }),
      "health",
    );
    return serviceUnavailableResponse("The database cannot be reached.", { batchedWrites });
  }
  if (applied < expected) {
    return serviceUnavailableResponse(
      `Database migrations are pending (${applied} of ${expected} applied).`,
      {
        batchedWrites,
      },
    );
  }
  return Response.json(
    { status: "ok", database: "reachable", migrations: { applied, expected }, batchedWrites },
    { headers: { "cache-control": "no-store" } },
  );
}
