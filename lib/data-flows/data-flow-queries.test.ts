import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dataFlowRuns } from "@/lib/db/schema";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { createDataFlow } from "./data-flow-commands";
import {
  findDataFlow,
  findDataFlowRun,
  listDataFlowPage,
  listDataFlowRuns,
  listDataFlows,
} from "./data-flow-queries";
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

describe("listDataFlowPage", () => {
  it("searches flow and credential names, sorts, pages, and counts within the organization", async () => {
    const db = await getDb();
    const a = await tenantWithFlow("Lab devices");
    const other = await tenantWithFlow("Lab devices elsewhere");
    for (const name of ["Office devices", "Warehouse 50% devices"]) {
      await createDataFlow(db, a.organizationId, a.actor, {
        name,
        connector: "axonius",
        credentialId: a.credential.id,
        schedule: name.startsWith("Office") ? "manual" : "daily",
      });
    }
    const names = async (query: Parameters<typeof listDataFlowPage>[2]) =>
      (await listDataFlowPage(db, a.organizationId, query)).flows.map((flow) => flow.name);

    expect(await names({})).toEqual(["Lab devices", "Office devices", "Warehouse 50% devices"]);
    expect(await names({ direction: "desc" })).toEqual([
      "Warehouse 50% devices",
      "Office devices",
      "Lab devices",
    ]);
    expect(await names({ search: "OFFICE" })).toEqual(["Office devices"]);
    // A wildcard typed is the character itself; the credential's name matches too.
    expect(await names({ search: "50%" })).toEqual(["Warehouse 50% devices"]);
    expect(await names({ search: "0%" })).toEqual(["Warehouse 50% devices"]);
    expect((await listDataFlowPage(db, a.organizationId, { search: "lab devices credential" })).total).toBe(
      3,
    );
    // Manual flows have no next run: last in both directions.
    expect(await names({ sort: "nextRun" })).toEqual([
      "Lab devices",
      "Warehouse 50% devices",
      "Office devices",
    ]);
    expect(await names({ sort: "nextRun", direction: "desc" })).toEqual([
      "Warehouse 50% devices",
      "Lab devices",
      "Office devices",
    ]);
    const page = await listDataFlowPage(db, a.organizationId, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.flows.map((flow) => flow.name)).toEqual(["Warehouse 50% devices"]);
    expect(await names({ search: "elsewhere" })).toEqual([]);
    expect((await listDataFlowPage(db, other.organizationId, {})).flows.map((flow) => flow.name)).toEqual([
      "Lab devices elsewhere",
    ]);
  });
});
