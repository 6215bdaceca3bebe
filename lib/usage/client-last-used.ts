import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { BatchedWriter, sharedWriter } from "./batched-writer";

/** `last used` is kept to the minute: finer would mean a write per request. */
const RESOLUTION_MS = 60_000;

const lastNoted = new Map<string, number>();

function writer() {
  return sharedWriter(
    "client-last-used",
    () =>
      new BatchedWriter<string>("client-last-used", async (ids) => {
        const db = await getDb();
        await db
          .update(apiClients)
          .set({ lastUsedAt: sql`now()` })
          .where(
            and(
              inArray(apiClients.id, [...new Set(ids)]),
              or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, sql`now() - interval '1 minute'`)),
            ),
          );
      }),
  );
}

/** Notes that a client was used; at most one database write per client per minute per process. */
export function noteClientUse(client: { id: string }, now = Date.now()): void {
  const previous = lastNoted.get(client.id) ?? 0;
  if (now - previous < RESOLUTION_MS) return;
  lastNoted.set(client.id, now);
  writer().add(client.id);
}

export function flushClientUse(): Promise<void> {
  return writer().flush();
}
