import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { getDb } from "@/lib/db/client";
import { type DataFlowRunTrigger, dataFlowRuns, dataFlows, devices } from "@/lib/db/schema";
import { createOutboundCredential } from "@/lib/outbound-credentials/create-outbound-credential";
import { createClientTestTenant } from "@/lib/testing/client-test-support";

/** Helpers shared by the data flow tests (not a test itself). */

/** A tenant with a credential for the fake Axonius (plain http on loopback, as the allow-list admits). */
export async function createFlowTestTenant(fake: FakeAxonius) {
  const tenant = await createClientTestTenant();
  const db = await getDb();
  const credential = await createOutboundCredential(
    db,
    tenant.organizationId,
    tenant.actor,
    {
      name: `Fake Axonius ${randomUUID().slice(0, 8)}`,
      hostUrl: fake.url,
      apiKey: fake.apiKey,
      clientSecret: fake.apiSecret,
    },
    { checkHostUrl: async () => null, allowsPlainHttp: (url) => url.host === fake.hostPort },
  );
  return { ...tenant, credential };
}

/** A flow row as a test needs it (the commands have their own tests). */
export async function insertTestFlow(
  organizationId: string,
  credentialId: string,
  values: Partial<typeof dataFlows.$inferInsert> = {},
) {
  const db = await getDb();
  const name = values.name ?? `Flow ${randomUUID().slice(0, 8)}`;
  const [flow] = await db
    .insert(dataFlows)
    .values({
      organizationId,
      credentialId,
      connector: "axonius",
      name,
      nameKey: name.toLowerCase(),
      ...values,
    })
    .returning();
  if (!flow) throw new Error("flow insert returned nothing");
  return flow;
}

export async function insertTestRun(
  organizationId: string,
  flowId: string,
  trigger: DataFlowRunTrigger = "manual",
) {
  const db = await getDb();
  const [run] = await db.insert(dataFlowRuns).values({ organizationId, flowId, trigger }).returning();
  if (!run) throw new Error("run insert returned nothing");
  return run;
}

export async function readRun(runId: string) {
  const db = await getDb();
  const [run] = await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.id, runId));
  if (!run) throw new Error(`no run ${runId}`);
  return run;
}

export async function importedDevices(organizationId: string, sourceHost: string) {
  const db = await getDb();
  return db
    .select()
    .from(devices)
    .where(and(eq(devices.organizationId, organizationId), eq(devices.sourceHost, sourceHost)));
}

/** A retry policy that waits for nothing and records the waits it was asked for. */
export function instantRetries() {
  const waits: number[] = [];
  return {
    waits,
    policy: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      random: () => 0.5,
      timeoutMs: 2_000,
    },
  };
}

/** The run once it is no longer queued or running; throws after `timeoutMs`. */
export async function settledRun(runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await readRun(runId);
    if (!["queued", "running"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves once the run has committed `pages` pages; throws after `timeoutMs`. */
export async function pagesCommitted(runId: string, pages: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await readRun(runId);
    if (run.pagesFetched >= pages) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} has ${run.pagesFetched} pages, not ${pages}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
