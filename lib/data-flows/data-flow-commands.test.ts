import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents, dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { deleteOutboundCredential } from "@/lib/outbound-credentials/delete-outbound-credential";
import { listOutboundCredentials } from "@/lib/outbound-credentials/list-outbound-credentials";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import {
  createDataFlow,
  deleteDataFlow,
  pauseDataFlow,
  resumeDataFlow,
  updateDataFlow,
} from "./data-flow-commands";
import { cancelDataFlowRun, FLOW_PAUSED, RUN_IN_PROGRESS, runDataFlowNow } from "./run-commands";

async function tenantWithCredential() {
  const tenant = await createCredentialTestTenant();
  const { credential } = await createTestCredential(tenant.organizationId, tenant.actor);
  return { ...tenant, credential };
}

const flowInput = (credentialId: string, overrides: Record<string, unknown> = {}) => ({
  name: "Axonius devices",
  connector: "axonius" as const,
  credentialId,
  schedule: "daily" as const,
  ...overrides,
});

async function actionsOf(organizationId: string) {
  const db = await getDb();
  // Each command commits on its own, so their times order them.
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(auditEvents.createdAt);
  return rows.map((row) => row.action).filter((action) => action.startsWith("data_flow."));
}

const noQueue = () => {
  const sent: string[] = [];
  return { sent, enqueue: async (run: { id: string }) => void sent.push(run.id) };
};

describe("data flow commands", () => {
  it("creates a flow with its next run, audited; a second flow of the same name is refused", async () => {
    const db = await getDb();
    const t = await tenantWithCredential();
    const flow = await createDataFlow(
      db,
      t.organizationId,
      t.actor,
      flowInput(t.credential.id, { filter: "  x == 1 " }),
    );
    expect(flow).toMatchObject({
      name: "Axonius devices",
      filter: "x == 1",
      schedule: "daily",
      cron: null,
      paused: false,
    });
    expect(flow.nextRunAt?.getUTCHours()).toBe(0);
    await expect(
      createDataFlow(db, t.organizationId, t.actor, flowInput(t.credential.id, { name: "AXONIUS devices" })),
    ).rejects.toMatchObject({ field: "name", message: "A data flow with this name already exists" });
    expect(await actionsOf(t.organizationId)).toEqual(["data_flow.created"]);
  });

  it.each([
    [{ name: "" }, "name", "Data flow name is required"],
    [{ schedule: "cron", cron: "" }, "cron", "Enter a cron expression"],
    [{ schedule: "cron", cron: "* * * * *" }, "cron", "A data flow runs at most every 5 minutes"],
    [{ schedule: "cron", cron: "61 * * * *" }, "cron", "This is not a valid cron expression"],
    [{ schedule: "weekly" }, "schedule", "Choose a schedule"],
  ])("refuses %j with a clear error and writes nothing", async (overrides, field, message) => {
    const db = await getDb();
    const t = await tenantWithCredential();
    const error = await createDataFlow(
      db,
      t.organizationId,
      t.actor,
      flowInput(t.credential.id, overrides),
    ).catch((caught: unknown) => caught);
    const issues = (error as { issues?: { path: unknown[]; message: string }[] }).issues ?? [];
    expect(issues).toContainEqual(expect.objectContaining({ path: [field], message }));
    expect(await db.select().from(dataFlows).where(eq(dataFlows.organizationId, t.organizationId))).toEqual(
      [],
    );
  });

  it("takes a cron schedule", async () => {
    const t = await tenantWithCredential();
    const flow = await createDataFlow(
      await getDb(),
      t.organizationId,
      t.actor,
      flowInput(t.credential.id, { schedule: "cron", cron: "30 2 * * 1" }),
    );
    expect(flow.cron).toBe("30 2 * * 1");
    expect(flow.nextRunAt?.getUTCDay()).toBe(1);
    expect(flow.nextRunAt?.getUTCHours()).toBe(2);
    expect(flow.nextRunAt?.getUTCMinutes()).toBe(30);
  });

  it("refuses another organization's credential", async () => {
    const a = await tenantWithCredential();
    const b = await tenantWithCredential();
    await expect(
      createDataFlow(await getDb(), b.organizationId, b.actor, flowInput(a.credential.id)),
    ).rejects.toMatchObject({ field: "credentialId" });
  });

  it("updates, pauses, resumes and deletes, each audited; other organizations see nothing", async () => {
    const db = await getDb();
    const t = await tenantWithCredential();
    const other = await tenantWithCredential();
    const flow = await createDataFlow(db, t.organizationId, t.actor, flowInput(t.credential.id));
    const ref = { flowId: flow.id };
    expect(
      await updateDataFlow(db, other.organizationId, other.actor, {
        ...flowInput(other.credential.id),
        ...ref,
      }),
    ).toBeNull();
    expect(await pauseDataFlow(db, other.organizationId, other.actor, ref)).toBeNull();
    expect(await deleteDataFlow(db, other.organizationId, other.actor, ref)).toBeNull();
    expect(await runDataFlowNow(db, other.organizationId, other.actor, ref, noQueue())).toBeNull();

    const updated = await updateDataFlow(db, t.organizationId, t.actor, {
      ...ref,
      name: "Renamed",
      credentialId: t.credential.id,
      schedule: "manual",
    });
    expect(updated).toMatchObject({ name: "Renamed", schedule: "manual", nextRunAt: null });
    const paused = await pauseDataFlow(db, t.organizationId, t.actor, ref);
    expect(paused).toMatchObject({ paused: true, pausedReason: `Paused by ${t.actor.label}` });
    await expect(runDataFlowNow(db, t.organizationId, t.actor, ref, noQueue())).rejects.toThrow(FLOW_PAUSED);
    expect(await resumeDataFlow(db, t.organizationId, t.actor, ref)).toMatchObject({
      paused: false,
      pausedReason: null,
    });
    expect(await deleteDataFlow(db, t.organizationId, t.actor, ref)).toMatchObject({ id: flow.id });
    expect(await actionsOf(t.organizationId)).toEqual([
      "data_flow.created",
      "data_flow.updated",
      "data_flow.paused",
      "data_flow.resumed",
      "data_flow.deleted",
    ]);
    expect(await actionsOf(other.organizationId)).toEqual([]);
  });

  it("'Run now' queues one run at a time and hands it to the queue; Cancel ends a queued run", async () => {
    const db = await getDb();
    const t = await tenantWithCredential();
    const other = await tenantWithCredential();
    const flow = await createDataFlow(db, t.organizationId, t.actor, flowInput(t.credential.id));
    const queue = noQueue();
    const run = await runDataFlowNow(db, t.organizationId, t.actor, { flowId: flow.id }, queue);
    expect(run).toMatchObject({ status: "queued", trigger: "manual", flowId: flow.id });
    expect(queue.sent).toEqual([run?.id]);
    await expect(runDataFlowNow(db, t.organizationId, t.actor, { flowId: flow.id }, queue)).rejects.toThrow(
      RUN_IN_PROGRESS,
    );
    expect(
      await cancelDataFlowRun(db, other.organizationId, other.actor, { runId: run?.id ?? "" }),
    ).toBeNull();
    const cancelled = await cancelDataFlowRun(db, t.organizationId, t.actor, { runId: run?.id ?? "" });
    expect(cancelled).toMatchObject({ status: "cancelled" });
    expect(cancelled?.finishedAt).not.toBeNull();
    const runs = await db
      .select()
      .from(dataFlowRuns)
      .where(and(eq(dataFlowRuns.flowId, flow.id), eq(dataFlowRuns.organizationId, t.organizationId)));
    expect(runs).toHaveLength(1);
    expect(await actionsOf(t.organizationId)).toEqual([
      "data_flow.created",
      "data_flow.run_requested",
      "data_flow.run_cancelled",
    ]);
  });

  it("a credential counts its data flows and cannot be deleted while one uses it", async () => {
    const db = await getDb();
    const t = await tenantWithCredential();
    await createDataFlow(db, t.organizationId, t.actor, flowInput(t.credential.id, { name: "First" }));
    const second = await createDataFlow(
      db,
      t.organizationId,
      t.actor,
      flowInput(t.credential.id, { name: "Second" }),
    );
    const page = await listOutboundCredentials(db, t.organizationId);
    expect(page.credentials.find((c) => c.id === t.credential.id)?.dataFlowCount).toBe(2);
    await expect(
      deleteOutboundCredential(db, t.organizationId, t.actor, { credentialId: t.credential.id }),
    ).rejects.toThrow('This credential is used by the data flows "First", "Second".');
    await deleteDataFlow(db, t.organizationId, t.actor, { flowId: second.id });
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.organizationId, t.organizationId));
    await deleteDataFlow(db, t.organizationId, t.actor, { flowId: flow?.id ?? "" });
    expect(
      await deleteOutboundCredential(db, t.organizationId, t.actor, { credentialId: t.credential.id }),
    ).toMatchObject({ id: t.credential.id });
  });
});
