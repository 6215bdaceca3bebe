import { appliedMigrationCount, expectedMigrationCount } from "@/lib/db/migrate";
import { problemResponse } from "@/lib/http/problem";

/**
 * For load balancers and start-up scripts: 200 when the database answers and every migration
 * is applied, 503 problem+json otherwise. Says nothing about data or configuration.
 */
export async function checkHealth(): Promise<Response> {
  try {
    const [applied, expected] = await Promise.all([appliedMigrationCount(), expectedMigrationCount()]);
    if (applied < expected) {
      return problemResponse(
        503,
        "Service Unavailable",
        `Database migrations are pending (${applied} of ${expected} applied).`,
      );
    }
    return Response.json(
      { status: "ok", database: "reachable", migrations: { applied, expected } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch {
    return problemResponse(503, "Service Unavailable", "The database cannot be reached.");
  }
}
