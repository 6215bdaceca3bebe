import { and, eq, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor, Transaction } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { type DataFlow, dataFlows, outboundCredentials } from "@/lib/db/schema";
import { DataFlowCredentialError, DuplicateDataFlowNameError } from "./data-flow-errors";
import { nextRunAt } from "./data-flow-schedule";
import {
  type CreateDataFlowInput,
  createDataFlowSchema,
  dataFlowReferenceSchema,
  type PauseDataFlowInput,
  pauseDataFlowSchema,
  type UpdateDataFlowInput,
  updateDataFlowSchema,
} from "./data-flow-schemas";

/**
 * Create, change, delete, pause and resume data flows, each audited in its transaction.
 * A flow's credential must be the organization's own, of the flow's connector. Not found
 * is null, as for credentials.
 */
export const DATA_FLOW_TARGET_TYPE = "data_flow";
const NAME_UNIQUE = "data_flows_organization_name_unique";

const byOrgAndId = (organizationId: string, id: string) =>
  and(eq(dataFlows.organizationId, organizationId), eq(dataFlows.id, id));

const nameKey = (name: string) => name.toLowerCase().normalize("NFC");
const userId = (actor: AuditActor) => (actor.type === "user" ? actor.id : null);

async function assertCredential(
  tx: Transaction,
  organizationId: string,
  credentialId: string,
  connector: string,
) {
  const [credential] = await tx
    .select({ connector: outboundCredentials.connector })
    .from(outboundCredentials)
    .where(
      and(eq(outboundCredentials.organizationId, organizationId), eq(outboundCredentials.id, credentialId)),
    )
    .for("share");
  if (!credential || credential.connector !== connector) throw new DataFlowCredentialError();
}

function auditDetails(flow: DataFlow) {
  return {
    name: flow.name,
    connector: flow.connector,
    credentialId: flow.credentialId,
    imports: flow.imports,
    filter: flow.filter,
    schedule: flow.schedule,
    cron: flow.cron,
  };
}

async function translateUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, NAME_UNIQUE)) throw new DuplicateDataFlowNameError();
    throw error;
  }
}

export async function createDataFlow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: CreateDataFlowInput,
): Promise<DataFlow> {
  const values = createDataFlowSchema.parse(input);
  return translateUnique(() =>
    executor.transaction(async (tx) => {
      await assertCredential(tx, organizationId, values.credentialId, values.connector);
      const [flow] = await tx
        .insert(dataFlows)
        .values({
          organizationId,
          name: values.name,
          nameKey: nameKey(values.name),
          connector: values.connector,
          credentialId: values.credentialId,
          imports: values.imports,
          filter: values.filter,
          schedule: values.schedule,
          cron: values.cron,
          nextRunAt: nextRunAt(values.schedule, values.cron, new Date()),
          createdBy: userId(actor),
          updatedBy: userId(actor),
        })
        .returning();
      if (!flow) throw new Error("data flow insert returned nothing");
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "data_flow.created",
        targetType: DATA_FLOW_TARGET_TYPE,
        targetId: flow.id,
        details: auditDetails(flow),
      });
      return flow;
    }),
  );
}

export async function updateDataFlow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: UpdateDataFlowInput,
): Promise<DataFlow | null> {
  const values = updateDataFlowSchema.parse(input);
  return translateUnique(() =>
    executor.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(dataFlows)
        .where(byOrgAndId(organizationId, values.flowId))
        .for("update");
      if (!current) return null;
      await assertCredential(tx, organizationId, values.credentialId, current.connector);
      const scheduleChanged = current.schedule !== values.schedule || current.cron !== values.cron;
      const [flow] = await tx
        .update(dataFlows)
        .set({
          name: values.name,
          nameKey: nameKey(values.name),
          credentialId: values.credentialId,
          imports: values.imports,
          filter: values.filter,
          schedule: values.schedule,
          cron: values.cron,
          ...(scheduleChanged && !current.paused
            ? { nextRunAt: nextRunAt(values.schedule, values.cron, new Date()) }
            : {}),
          updatedBy: userId(actor),
          updatedAt: sql`now()`,
        })
        .where(byOrgAndId(organizationId, current.id))
        .returning();
      if (!flow) return null;
      const before = auditDetails(current);
      const after = auditDetails(flow);
      const changes = Object.fromEntries(
        Object.entries(after)
          .filter(([key, value]) => before[key as keyof typeof before] !== value)
          .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
      );
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "data_flow.updated",
        targetType: DATA_FLOW_TARGET_TYPE,
        targetId: flow.id,
        details: { name: flow.name, changes },
      });
      return flow;
    }),
  );
}

/** Deletes the flow with its run history; the devices it imported stay (they are ordinary devices). */
export async function deleteDataFlow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { flowId: string },
): Promise<DataFlow | null> {
  const { flowId } = dataFlowReferenceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const [flow] = await tx.delete(dataFlows).where(byOrgAndId(organizationId, flowId)).returning();
    if (!flow) return null;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "data_flow.deleted",
      targetType: DATA_FLOW_TARGET_TYPE,
      targetId: flow.id,
      details: auditDetails(flow),
    });
    return flow;
  });
}

export async function pauseDataFlow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: PauseDataFlowInput,
): Promise<DataFlow | null> {
  const values = pauseDataFlowSchema.parse(input);
  return executor.transaction(async (tx) => {
    const reason = values.reason || `Paused by ${actor.label}`;
    const [flow] = await tx
      .update(dataFlows)
      .set({
        paused: true,
        pausedReason: reason,
        nextRunAt: null,
        updatedBy: userId(actor),
        updatedAt: sql`now()`,
      })
      .where(and(byOrgAndId(organizationId, values.flowId), eq(dataFlows.paused, false)))
      .returning();
    if (!flow) {
      const [existing] = await tx.select().from(dataFlows).where(byOrgAndId(organizationId, values.flowId));
      return existing ?? null;
    }
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "data_flow.paused",
      targetType: DATA_FLOW_TARGET_TYPE,
      targetId: flow.id,
      details: { name: flow.name, reason },
    });
    return flow;
  });
}

/** Resumes a paused flow: its failure count starts again at 0 and its schedule from now. */
export async function resumeDataFlow(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { flowId: string },
): Promise<DataFlow | null> {
  const { flowId } = dataFlowReferenceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(dataFlows)
      .where(byOrgAndId(organizationId, flowId))
      .for("update");
    if (!current) return null;
    if (!current.paused) return current;
    const [flow] = await tx
      .update(dataFlows)
      .set({
        paused: false,
        pausedReason: null,
        consecutiveFailures: 0,
        nextRunAt: nextRunAt(current.schedule, current.cron, new Date()),
        updatedBy: userId(actor),
        updatedAt: sql`now()`,
      })
      .where(byOrgAndId(organizationId, flowId))
      .returning();
    if (!flow) return null;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "data_flow.resumed",
      targetType: DATA_FLOW_TARGET_TYPE,
      targetId: flow.id,
      details: { name: flow.name, previousReason: current.pausedReason },
    });
    return flow;
  });
}
