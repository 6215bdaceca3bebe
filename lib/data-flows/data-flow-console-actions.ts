import type { z } from "zod";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getDb } from "@/lib/db/client";
import { FormError } from "@/lib/forms/action-state";
import { actorOf } from "@/lib/users/user-commands";
import {
  createDataFlow,
  deleteDataFlow,
  pauseDataFlow,
  resumeDataFlow,
  updateDataFlow,
} from "./data-flow-commands";
import { DataFlowNotFoundError } from "./data-flow-errors";
import {
  createDataFlowSchema,
  DATA_FLOW_RUN_NOT_FOUND,
  dataFlowReferenceSchema,
  dataFlowRunReferenceSchema,
  pauseDataFlowSchema,
  updateDataFlowSchema,
} from "./data-flow-schemas";
import { getDataFlowRunQueue } from "./queue/data-flow-worker";
import { cancelDataFlowRun, type RunQueue, retryDataFlowRun, runDataFlowNow } from "./run-commands";

/**
 * What each console action on data flows does once adminAction has let the caller through
 * (session, organization, console admin, the schema): the schema it is checked with and the
 * command it runs in the admin's organization. Each result names the flow it touched, for the
 * pages to refresh. Another organization's flow or run is not found.
 */
export interface DataFlowConsoleAction<TSchema extends z.ZodType, TData extends { flowId: string }> {
  schema: TSchema;
  run(admin: ConsoleUser, values: z.output<TSchema>, queue?: RunQueue): Promise<TData>;
}

function found<T>(result: T | null, notFound: () => Error = () => new DataFlowNotFoundError()): T {
  if (result === null) throw notFound();
  return result;
}

const runNotFound = () => new FormError(DATA_FLOW_RUN_NOT_FOUND);

function define<TSchema extends z.ZodType, TData extends { flowId: string }>(
  schema: TSchema,
  run: DataFlowConsoleAction<TSchema, TData>["run"],
): DataFlowConsoleAction<TSchema, TData> {
  return { schema, run };
}

export const dataFlowConsoleActions = {
  create: define(createDataFlowSchema, async (admin, values) => {
    const flow = await createDataFlow(await getDb(), admin.organization.id, actorOf(admin), values);
    return { flowId: flow.id, name: flow.name };
  }),
  update: define(updateDataFlowSchema, async (admin, values) => {
    const flow = found(await updateDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
    return { flowId: flow.id, name: flow.name };
  }),
  remove: define(dataFlowReferenceSchema, async (admin, values) => {
    const flow = found(await deleteDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
    return { flowId: flow.id, name: flow.name };
  }),
  pause: define(pauseDataFlowSchema, async (admin, values) => {
    const flow = found(await pauseDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
    return { flowId: flow.id, paused: flow.paused };
  }),
  resume: define(dataFlowReferenceSchema, async (admin, values) => {
    const flow = found(await resumeDataFlow(await getDb(), admin.organization.id, actorOf(admin), values));
    return { flowId: flow.id, paused: flow.paused };
  }),
  runNow: define(dataFlowReferenceSchema, async (admin, values, queue) => {
    const run = found(
      await runDataFlowNow(
        await getDb(),
        admin.organization.id,
        actorOf(admin),
        values,
        queue ?? (await getDataFlowRunQueue()),
      ),
    );
    return { flowId: run.flowId, runId: run.id };
  }),
  cancel: define(dataFlowRunReferenceSchema, async (admin, values) => {
    const run = found(
      await cancelDataFlowRun(await getDb(), admin.organization.id, actorOf(admin), values),
      runNotFound,
    );
    return { flowId: run.flowId, runId: run.id, status: run.status };
  }),
  retry: define(dataFlowRunReferenceSchema, async (admin, values, queue) => {
    const run = found(
      await retryDataFlowRun(
        await getDb(),
        admin.organization.id,
        actorOf(admin),
        values,
        queue ?? (await getDataFlowRunQueue()),
      ),
      runNotFound,
    );
    return { flowId: run.flowId, runId: run.id };
  }),
};
