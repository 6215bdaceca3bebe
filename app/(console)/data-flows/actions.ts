"use server";

import { revalidatePath } from "next/cache";
import { DATA_FLOWS_PATH, dataFlowPath, dataFlowRunPath } from "@/components/data-flows/data-flow-paths";
import { adminAction } from "@/lib/auth/current-user";
import {
  createDataFlow,
  deleteDataFlow,
  pauseDataFlow,
  resumeDataFlow,
  updateDataFlow,
} from "@/lib/data-flows/data-flow-commands";
import { DataFlowNotFoundError } from "@/lib/data-flows/data-flow-errors";
import {
  createDataFlowSchema,
  DATA_FLOW_RUN_NOT_FOUND,
  dataFlowReferenceSchema,
  dataFlowRunReferenceSchema,
  pauseDataFlowSchema,
  updateDataFlowSchema,
} from "@/lib/data-flows/data-flow-schemas";
import { getDataFlowRunQueue } from "@/lib/data-flows/queue/data-flow-worker";
import { cancelDataFlowRun, retryDataFlowRun, runDataFlowNow } from "@/lib/data-flows/run-commands";
import { getDb } from "@/lib/db/client";
import { FormError } from "@/lib/forms/action-state";
import { actorOf } from "@/lib/users/user-commands";

/**
 * The console's data flow actions: create, edit, delete, pause, resume, "Run now", "Cancel"
 * and "Retry". Each goes through adminAction (session, organization, console admin, the
 * form's schema) and a domain command that audits it; another organization's flow or run is
 * not found.
 */

function found<T>(result: T | null, notFound: () => Error = () => new DataFlowNotFoundError()): T {
  if (result === null) throw notFound();
  return result;
}

const runNotFound = () => new FormError(DATA_FLOW_RUN_NOT_FOUND);

function revalidateFlow(flowId: string) {
  revalidatePath(DATA_FLOWS_PATH);
  revalidatePath(dataFlowPath(flowId));
}

const create = adminAction(createDataFlowSchema, async (admin, values) => {
  const flow = await createDataFlow(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath(DATA_FLOWS_PATH);
  return { id: flow.id, name: flow.name, href: dataFlowPath(flow.id) };
});

const update = adminAction(updateDataFlowSchema, async (admin, values) => {
  const flow = found(await updateDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateFlow(flow.id);
  return { id: flow.id, name: flow.name };
});

const remove = adminAction(dataFlowReferenceSchema, async (admin, values) => {
  const flow = found(await deleteDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidatePath(DATA_FLOWS_PATH);
  return { name: flow.name };
});

const pause = adminAction(pauseDataFlowSchema, async (admin, values) => {
  const flow = found(await pauseDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateFlow(flow.id);
  return { paused: flow.paused };
});

const resume = adminAction(dataFlowReferenceSchema, async (admin, values) => {
  const flow = found(await resumeDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
  revalidateFlow(flow.id);
  return { paused: flow.paused };
});

const runNow = adminAction(dataFlowReferenceSchema, async (admin, values) => {
  const run = found(
    await runDataFlowNow(
      await getDb(),
      admin.organization.id,
      actorOf(admin),
      values,
      await getDataFlowRunQueue(),
    ),
  );
  revalidateFlow(run.flowId);
  return { runId: run.id, href: dataFlowRunPath(run.flowId, run.id) };
});

const cancel = adminAction(dataFlowRunReferenceSchema, async (admin, values) => {
  const run = found(
    await cancelDataFlowRun(await getDb(), admin.organization.id, actorOf(admin), values),
    runNotFound,
  );
  revalidateFlow(run.flowId);
  return { status: run.status };
});

const retry = adminAction(dataFlowRunReferenceSchema, async (admin, values) => {
  const run = found(
    await retryDataFlowRun(
      await getDb(),
      admin.organization.id,
      actorOf(admin),
      values,
      await getDataFlowRunQueue(),
    ),
    runNotFound,
  );
  revalidateFlow(run.flowId);
  return { runId: run.id, href: dataFlowRunPath(run.flowId, run.id) };
});

export async function createDataFlowAction(input: unknown) {
  return create(input);
}

export async function updateDataFlowAction(input: unknown) {
  return update(input);
}

export async function deleteDataFlowAction(input: unknown) {
  return remove(input);
}

export async function pauseDataFlowAction(input: unknown) {
  return pause(input);
}

export async function resumeDataFlowAction(input: unknown) {
  return resume(input);
}

export async function runDataFlowNowAction(input: unknown) {
  return runNow(input);
}

export async function cancelDataFlowRunAction(input: unknown) {
  return cancel(input);
}

export async function retryDataFlowRunAction(input: unknown) {
  return retry(input);
}
