import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { flushClientUse, noteClientUse } from "./client-last-used";

async function lastUsedOf(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ lastUsedAt: apiClients.lastUsedAt })
    .from(apiClients)
    .where(eq(apiClients.id, id));
  return row?.lastUsedAt;
}

describe("client last used", () => {
  it("is written once, then not again within the minute", async () => {
    const { client } = await createTenantWithClient();
    expect(await lastUsedOf(client.id)).toBeNull();
    noteClientUse(client);
    await flushClientUse();
    const first = await lastUsedOf(client.id);
    expect(first).toBeInstanceOf(Date);
    noteClientUse(client);
    await flushClientUse();
    expect(await lastUsedOf(client.id)).toEqual(first);
  });
});
