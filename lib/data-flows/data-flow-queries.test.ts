import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dataFlowRuns } from "@/lib/db/schema";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { createDataFlow } from "./data-flow-commands";
import { findDataFlow, findDataFlowRun, listDataFlowRuns, listDataFlows } from "./data-flow-queries";
import { runDataFlowNow } from "./run-commands";

const queue = { enqueue: async () => {} };

async function tenantWithFlow(name: string) {
  const db = await getDb();
  const tenant = await createCredentialTestTenant();
  const { credential } = await createTestCredential(tenant.organizationId, tenant.actor, {
    name: `${name} credential`,
  });
  const flow = await createDataFlow(db, tenant.organizationId, tenant.actor, {
    name,
    connector: "axonius",
    credentialId: credential.id,
    schedule: "hourly",
  });
  return { ...tenant, credential, flow };
}

describe("data flow queries", () => {
  it("list flows with their credential and last run, runs newest first, within the organization only", async () => {
    const db = await getDb();
    const a = await tenantWithFlow("Devices A");
    const b = await tenantWithFlow("Devices B");
    expect((await listDataFlows(db, a.organizationId))[0]).toMatchObject({
      id: a.flow.id,
      credentialName: "Devices A credential",
      lastRun: null,
    });
    const first = await runDataFlowNow(db, a.organizationId, a.actor, { flowId: a.flow.id }, queue);
    await db
      .update(dataFlowRuns)
      .set({ status: "failed" })
      .where(eq(dataFlowRuns.id, first?.id ?? ""));
    const second = await runDataFlowNow(db, a.organizationId, a.actor, { flowId: a.flow.id }, queue);
    const [row] = await listDataFlows(db, a.organizationId);
    expect(row?.lastRun).toMatchObject({ id: second?.id, status: "queued", trigger: "manual" });
    expect((await listDataFlowRuns(db, a.organizationId, a.flow.id)).map((run) => run.id)).toEqual([
      second?.id,
      first?.id,
    ]);
    expect((await listDataFlows(db, b.organizationId)).map((flow) => flow.id)).toEqual([b.flow.id]);
    expect(await listDataFlowRuns(db, b.organizationId, a.flow.id)).toEqual([]);
    expect(await findDataFlowRun(db, b.organizationId, second?.id ?? "")).toBeNull();
    expect(await findDataFlowRun(db, a.organizationId, second?.id ?? "")).toMatchObject({ id: second?.id });
    expect(await findDataFlow(db, b.organizationId, a.flow.id)).toBeNull();
    expect(await findDataFlow(db, a.organizationId, "not-a-uuid")).toBeNull();
  });
});
