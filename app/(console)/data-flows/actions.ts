"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { DATA_FLOWS_PATH, dataFlowPath, dataFlowRunPath } from "@/components/data-flows/data-flow-paths";
import { adminAction } from "@/lib/auth/current-user";
import {
  type DataFlowConsoleAction,
  dataFlowConsoleActions,
} from "@/lib/data-flows/data-flow-console-actions";

/**
 * The console's data flow actions: create, edit, delete, pause, resume, "Run now", "Cancel"
 * and "Retry". Each goes through adminAction (session, organization, console admin, the
 * form's schema) and its command in lib/data-flows/data-flow-console-actions.ts, which
 * audits it; the pages showing the flow are refreshed after.
 */
function consoleAction<TSchema extends z.ZodType, TData extends { flowId: string }>(
  action: DataFlowConsoleAction<TSchema, TData>,
) {
  return adminAction(action.schema, async (admin, values) => {
    const result = await action.run(admin, values);
    revalidatePath(DATA_FLOWS_PATH);
    revalidatePath(dataFlowPath(result.flowId));
    return result;
  });
}

const create = consoleAction(dataFlowConsoleActions.create);
const update = consoleAction(dataFlowConsoleActions.update);
const remove = consoleAction(dataFlowConsoleActions.remove);
const pause = consoleAction(dataFlowConsoleActions.pause);
const resume = consoleAction(dataFlowConsoleActions.resume);
const runNow = consoleAction(dataFlowConsoleActions.runNow);
const cancel = consoleAction(dataFlowConsoleActions.cancel);
const retry = consoleAction(dataFlowConsoleActions.retry);

/** "Create data flow" on Review: the new flow's page. */
export async function createDataFlowAction(input: unknown) {
  const result = await create(input);
  return result.ok ? { ...result, data: { ...result.data, href: dataFlowPath(result.data.flowId) } } : result;
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

/** "Run now": the run's page, which the console opens. */
export async function runDataFlowNowAction(input: unknown) {
  const result = await runNow(input);
  return result.ok
    ? { ...result, data: { ...result.data, href: dataFlowRunPath(result.data.flowId, result.data.runId) } }
    : result;
}

export async function cancelDataFlowRunAction(input: unknown) {
  return cancel(input);
}

/** "Retry": the new run's page. */
export async function retryDataFlowRunAction(input: unknown) {
  const result = await retry(input);
  return result.ok
    ? { ...result, data: { ...result.data, href: dataFlowRunPath(result.data.flowId, result.data.runId) } }
    : result;
}
