/** Where the console shows data flows, one flow, and one run of it. */
export const DATA_FLOWS_PATH = "/data-flows";
export const dataFlowPath = (flowId: string) => `${DATA_FLOWS_PATH}/${flowId}`;
export const dataFlowRunPath = (flowId: string, runId: string) => `${dataFlowPath(flowId)}/runs/${runId}`;
export const DEVICES_PATH = "/devices";
