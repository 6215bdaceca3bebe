import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { createClient } from "@/lib/clients/create-client";
import { closeDb, getDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { organizations } from "@/lib/db/schema";
import { ensureSigningKey } from "@/lib/oauth/signing-keys";

/**
 * Prepares the database a benchmark server will use — migrated, seeded, a signing key and a
 * client allowed to read cases — then closes it, since the embedded database admits one process.
 */
export async function prepareBenchData(): Promise<{ clientId: string; secret: string }> {
  await prepareDatabase();
  const db = await getDb();
  await ensureSigningKey(db);
  const [demo] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, "Demo Agency"));
  if (!demo) throw new Error("Demo Agency was not seeded");
  const { client, secret } = await createClient(db, demo.id, SYSTEM_ACTOR, {
    name: `Benchmark ${Date.now()}`,
    permissions: ["cases:read"],
  });
  await closeDb();
  return { clientId: client.clientId, secret };
}
