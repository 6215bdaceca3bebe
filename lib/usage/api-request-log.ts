import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { type Executor, getDb } from "@/lib/db/client";
import { apiRequestLog } from "@/lib/db/schema";
import { BatchedWriter, sharedWriter } from "./batched-writer";

type LogRow = typeof apiRequestLog.$inferInsert;

function writer() {
  return sharedWriter(
    "api-request-log",
    () =>
      new BatchedWriter<LogRow>("api-request-log", async (rows) => {
        const db = await getDb();
        // Each row has its id from the start, so a batch tried again after a lost answer
        // (written, but the connection died first) is not written twice.
        await db.insert(apiRequestLog).values(rows).onConflictDoNothing({ target: apiRequestLog.id });
      }),
  );
}

/** Records one resource API call (who, what, outcome, from where, how long) without waiting for the write. */
export function logApiRequest(
  caller: ApiCaller,
  request: { method: string; path: string },
  status: number,
  startedAt: number,
): void {
  writer().add({
    id: randomUUID(),
    organizationId: caller.organizationId,
    clientId: caller.clientId,
    userId: caller.userId,
    tokenId: caller.tokenId,
    credential: caller.credential,
    method: request.method,
    path: request.path.slice(0, 500),
    status,
    ip: caller.ip,
    durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
    createdAt: new Date(),
  });
}

export function flushApiRequestLog(): Promise<void> {
  return writer().flush();
}

/** The latest calls a client made, for its detail page. */
export async function listClientApiRequests(
  executor: Executor,
  organizationId: string,
  clientId: string,
  limit = 50,
) {
  return executor
    .select()
    .from(apiRequestLog)
    .where(and(eq(apiRequestLog.organizationId, organizationId), eq(apiRequestLog.clientId, clientId)))
    .orderBy(desc(apiRequestLog.createdAt))
    .limit(limit);
}
