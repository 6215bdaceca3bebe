import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NOT_AN_ADMIN, runAdminAction } from "@/lib/auth/run-admin-action";
import { getDb } from "@/lib/db/client";
import { auditEvents, dataFlowRuns, dataFlows } from "@/lib/db/schema";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { type DataFlowConsoleAction, dataFlowConsoleActions } from "./data-flow-console-actions";
import { DATA_FLOW_NOT_FOUND, DATA_FLOW_RUN_NOT_FOUND } from "./data-flow-schemas";
import { FLOW_PAUSED, RUN_IN_PROGRESS, RUN_NOT_RETRYABLE } from "./run-commands";

/**
 * The console's data flow actions as the browser calls them: through runAdminAction (the gate
 * adminAction uses) with each action's own schema and command.
 */
const sent: string[] = [];
const queue = { enqueue: async (run: { id: string }) => void sent.push(run.id) };

async function call<TSchema extends import("zod").ZodType, TData extends { flowId: string }>(
  user: { id: string; sessionVersion: number },
  action: DataFlowConsoleAction<TSchema, TData>,
  input: unknown,
) {
  return runAdminAction(await signedInClaims(user, "192.0.2.44"), action.schema, input, (admin, values) =>
    action.run(admin, values, queue),
  );
}

async function tenant() {
  const t = await createCredentialTestTenant();
  const { credential } = await createTestCredential(t.organizationId, t.actor);
  return { ...t, credential };
}

const createInput = (credentialId: string, name = "Axonius devices") => ({
  name,
  connector: "axonius",
  credentialId,
  imports: "devices",
  filter: "",
  schedule: "hourly",
  cron: "",
});

async function flowCount(organizationId: string) {
  const db = await getDb();
  return (await db.select().from(dataFlows).where(eq(dataFlows.organizationId, organizationId))).length;
}

async function createdFlowId(t: Awaited<ReturnType<typeof tenant>>, name?: string) {
  const result = await call(t.admin, dataFlowConsoleActions.create, createInput(t.credential.id, name));
  if (!result.ok) throw new Error(`create refused: ${JSON.stringify(result)}`);
  return result.data.flowId;
}

describe("data flow console actions", () => {
  it("lets an administrator create, run, pause, resume, edit and delete a flow, each audited with their address", async () => {
    const t = await tenant();
    const flowId = await createdFlowId(t);
    const run = await call(t.admin, dataFlowConsoleActions.runNow, { flowId });
    expect(run).toMatchObject({ ok: true, data: { flowId } });
    expect(sent).toContain(run.ok ? run.data.runId : "");
    expect(await call(t.admin, dataFlowConsoleActions.pause, { flowId })).toMatchObject({
      ok: true,
      data: { paused: true },
    });
    expect(await call(t.admin, dataFlowConsoleActions.resume, { flowId })).toMatchObject({
      ok: true,
      data: { paused: false },
    });
    expect(
      await call(t.admin, dataFlowConsoleActions.update, {
        flowId,
        ...createInput(t.credential.id, "Renamed devices"),
        schedule: "cron",
        cron: "30 2 * * *",
      }),
    ).toMatchObject({ ok: true, data: { name: "Renamed devices" } });
    expect(await call(t.admin, dataFlowConsoleActions.remove, { flowId })).toMatchObject({ ok: true });
    expect(await flowCount(t.organizationId)).toBe(0);
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, flowId));
    expect(events.map((event) => event.action).sort()).toEqual(
      [
        "data_flow.created",
        "data_flow.run_requested",
        "data_flow.paused",
        "data_flow.resumed",
        "data_flow.updated",
        "data_flow.deleted",
      ].sort(),
    );
    expect(new Set(events.map((event) => event.actorLabel))).toEqual(new Set([t.admin.email]));
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set(["192.0.2.44"]));
  });

  it("refuses every action to a member who is not a console administrator, changing nothing", async () => {
    const t = await tenant();
    const flowId = await createdFlowId(t);
    const db = await getDb();
    const [before] = await db.select().from(dataFlows).where(eq(dataFlows.id, flowId));
    const inputs: [DataFlowConsoleAction<never, never>, unknown][] = [
      [dataFlowConsoleActions.create as never, createInput(t.credential.id, "By a member")],
      [dataFlowConsoleActions.update as never, { flowId, ...createInput(t.credential.id, "Member rename") }],
      [dataFlowConsoleActions.remove as never, { flowId }],
      [dataFlowConsoleActions.pause as never, { flowId }],
      [dataFlowConsoleActions.resume as never, { flowId }],
      [dataFlowConsoleActions.runNow as never, { flowId }],
    ];
    for (const [action, input] of inputs) {
      expect(await call(t.member, action, input)).toEqual({
        ok: false,
        fieldErrors: {},
        formError: NOT_AN_ADMIN,
      });
    }
    const [after] = await db.select().from(dataFlows).where(eq(dataFlows.id, flowId));
    expect(after).toEqual(before);
    expect(await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, flowId))).toEqual([]);
  });

  it("gives another organization's administrator not-found for this organization's flow and runs", async () => {
    const home = await tenant();
    const other = await tenant();
    const flowId = await createdFlowId(home);
    const run = await call(home.admin, dataFlowConsoleActions.runNow, { flowId });
    const runId = run.ok ? run.data.runId : "";
    const byFlow = [
      dataFlowConsoleActions.remove,
      dataFlowConsoleActions.pause,
      dataFlowConsoleActions.runNow,
    ];
    for (const action of byFlow as DataFlowConsoleAction<never, never>[]) {
      expect(await call(other.admin, action, { flowId })).toEqual({
        ok: false,
        fieldErrors: {},
        formError: DATA_FLOW_NOT_FOUND,
      });
    }
    expect(
      await call(other.admin, dataFlowConsoleActions.update, {
        flowId,
        ...createInput(other.credential.id, "Taken over"),
      }),
    ).toEqual({ ok: false, fieldErrors: {}, formError: DATA_FLOW_NOT_FOUND });
    for (const action of [
      dataFlowConsoleActions.cancel,
      dataFlowConsoleActions.retry,
    ] as DataFlowConsoleAction<never, never>[]) {
      expect(await call(other.admin, action, { runId })).toEqual({
        ok: false,
        fieldErrors: {},
        formError: DATA_FLOW_RUN_NOT_FOUND,
      });
    }
    // Its own credential cannot be given to a flow of another organization, nor the other way round.
    expect(
      await call(other.admin, dataFlowConsoleActions.create, createInput(home.credential.id)),
    ).toMatchObject({
      ok: false,
      fieldErrors: { credentialId: "Choose a saved credential of this connector" },
    });
    const db = await getDb();
    const [flow] = await db.select().from(dataFlows).where(eq(dataFlows.id, flowId));
    expect(flow).toMatchObject({ name: "Axonius devices", paused: false });
    expect((await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.id, runId)))[0]?.status).toBe(
      "queued",
    );
    expect(await flowCount(other.organizationId)).toBe(0);
  });

  it("refuses bad input on its fields and saves nothing", async () => {
    const t = await tenant();
    const result = await call(t.admin, dataFlowConsoleActions.create, {
      ...createInput(t.credential.id, "   "),
      schedule: "cron",
      cron: "every minute",
      filter: "a\u0000b",
    });
    expect(result).toEqual({
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: {
        name: "Data flow name is required",
        filter: "The Axonius filter must not contain control characters",
        cron: "A cron expression has five fields: minute hour day month weekday",
      },
    });
    expect(await call(t.admin, dataFlowConsoleActions.runNow, { flowId: "not-an-id" })).toMatchObject({
      ok: false,
      fieldErrors: { flowId: DATA_FLOW_NOT_FOUND },
    });
    expect(await flowCount(t.organizationId)).toBe(0);
  });

  it("retries a failed, partial or cancelled run as a new run with the retry trigger, and nothing else", async () => {
    const t = await tenant();
    const flowId = await createdFlowId(t);
    const db = await getDb();
    const first = await call(t.admin, dataFlowConsoleActions.runNow, { flowId });
    const firstId = first.ok ? first.data.runId : "";
    // A queued run is neither retried nor run again beside itself.
    expect(await call(t.admin, dataFlowConsoleActions.retry, { runId: firstId })).toMatchObject({
      formError: RUN_NOT_RETRYABLE,
    });
    expect(await call(t.admin, dataFlowConsoleActions.runNow, { flowId })).toMatchObject({
      formError: RUN_IN_PROGRESS,
    });

    for (const status of ["failed", "partial", "cancelled"] as const) {
      const [latest] = await db
        .select({ id: dataFlowRuns.id })
        .from(dataFlowRuns)
        .where(eq(dataFlowRuns.flowId, flowId))
        .orderBy(dataFlowRuns.createdAt)
        .limit(1)
        .offset((await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, flowId))).length - 1);
      await db
        .update(dataFlowRuns)
        .set({ status, finishedAt: new Date() })
        .where(eq(dataFlowRuns.id, latest?.id ?? ""));
      const retried = await call(t.admin, dataFlowConsoleActions.retry, { runId: latest?.id });
      expect(retried).toMatchObject({ ok: true, data: { flowId } });
      const [row] = await db
        .select()
        .from(dataFlowRuns)
        .where(eq(dataFlowRuns.id, retried.ok ? retried.data.runId : ""));
      expect(row).toMatchObject({ trigger: "retry", status: "queued" });
      expect(sent).toContain(row?.id);
    }
    const [retryEvent] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "data_flow.run_retried"), eq(auditEvents.targetId, flowId)))
      .limit(1);
    const details = (retryEvent?.details ?? {}) as { name?: unknown; retriedRunId?: unknown };
    expect(details.name).toBe("Axonius devices");
    expect(typeof details.retriedRunId).toBe("string");

    // A succeeded run has nothing to retry; a paused flow is not run by a retry.
    const runs = await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, flowId));
    await db
      .update(dataFlowRuns)
      .set({ status: "succeeded", finishedAt: new Date() })
      .where(eq(dataFlowRuns.flowId, flowId));
    expect(await call(t.admin, dataFlowConsoleActions.retry, { runId: runs[0]?.id })).toMatchObject({
      formError: RUN_NOT_RETRYABLE,
    });
    await db
      .update(dataFlowRuns)
      .set({ status: "failed" })
      .where(eq(dataFlowRuns.id, runs[0]?.id ?? ""));
    await call(t.admin, dataFlowConsoleActions.pause, { flowId });
    expect(await call(t.admin, dataFlowConsoleActions.retry, { runId: runs[0]?.id })).toMatchObject({
      formError: FLOW_PAUSED,
    });
    expect((await db.select().from(dataFlowRuns).where(eq(dataFlowRuns.flowId, flowId))).length).toBe(
      runs.length,
    );
  });
});
