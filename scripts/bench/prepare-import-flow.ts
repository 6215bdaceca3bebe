import { eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { FakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { createDataFlow } from "@/lib/data-flows/data-flow-commands";
import { closeDb, getDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { dataFlows, organizations } from "@/lib/db/schema";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient } from "@/lib/net/outbound/outbound-client";
import { createOutboundCredential } from "@/lib/outbound-credentials/create-outbound-credential";
import { createHostUrlGuard } from "@/lib/outbound-credentials/outbound-host-url-guard";

/**
 * Prepares the import a benchmark server will run as soon as it starts: an Axonius credential
 * for the fake (saved through the console's own command and host check, with the fake's
 * host:port allow-listed as the server will have it) and an hourly data flow of all devices
 * whose next run is already past, as if the server had been down when it was due (the
 * database migrated and seeded first, when the endpoints were not measured on it). Then it
 * closes the database, since the embedded one admits one process.
 */
export async function prepareImportFlow(fake: FakeAxonius): Promise<{ flowId: string }> {
  await prepareDatabase();
  const db = await getDb();
  const [demo] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, "Demo Agency"));
  if (!demo) throw new Error("Demo Agency was not seeded");
  const allowHosts = parseAllowHosts(fake.hostPort);
  const client = createOutboundClient({ allowHosts });
  const stamp = Date.now();
  try {
    const credential = await createOutboundCredential(
      db,
      demo.id,
      SYSTEM_ACTOR,
      {
        name: `Benchmark Axonius ${stamp}`,
        hostUrl: fake.url,
        apiKey: fake.apiKey,
        clientSecret: fake.apiSecret,
      },
      createHostUrlGuard({ checkUrl: client.checkUrl, allowHosts }),
    );
    const flow = await createDataFlow(db, demo.id, SYSTEM_ACTOR, {
      name: `Benchmark import ${stamp}`,
      connector: "axonius",
      credentialId: credential.id,
      schedule: "hourly",
    });
    await db
      .update(dataFlows)
      .set({ nextRunAt: new Date(Date.now() - 60_000) })
      .where(eq(dataFlows.id, flow.id));
    return { flowId: flow.id };
  } finally {
    await client.close();
    await closeDb();
  }
}
