import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { lastUsedNoter } from "./last-used-noter";

const clientUse = lastUsedNoter("client-last-used", async (ids) => {
  const db = await getDb();
  await db
    .update(apiClients)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        inArray(apiClients.id, ids),
        or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
});

/** Notes that a client was used; at most one database write per client per minute per process. */
export function noteClientUse(client: { id: string }): void {
  clientUse.note(client.id);
}

export function flushClientUse(): Promise<void> {
  return clientUse.flush();
}
