import type { DataFlow, DataFlowRunStatus, DataFlowRunTrigger } from "@/lib/db/schema";
import { DATA_FLOW_SCHEDULES } from "./data-flow-schemas";
import type { SkipReason } from "./map-axonius-device";

/** How the console names a data flow's states, triggers, schedules and skip reasons. */

export const RUN_STATUS_LABELS: Record<DataFlowRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  partial: "Partial",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const RUN_TRIGGER_LABELS: Record<DataFlowRunTrigger, string> = {
  manual: "Manual",
  schedule: "Schedule",
  retry: "Retry",
};

/** A run still in progress: its page updates itself, and it can be cancelled. */
export const isRunActive = (status: DataFlowRunStatus) => status === "queued" || status === "running";

/** "Manual", "Every hour", "Every day", or "Cron 0 6 * * 1-5 (UTC)". */
export function describeSchedule(flow: Pick<DataFlow, "schedule" | "cron">): string {
  if (flow.schedule === "cron") return `Cron ${flow.cron ?? ""} (UTC)`;
  return DATA_FLOW_SCHEDULES.find((choice) => choice.value === flow.schedule)?.label ?? flow.schedule;
}

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  missing_internal_axon_id: "No Axonius internal id",
  invalid_hostname: "Hostname is not text or too long",
  invalid_serial: "Serial is not text or too long",
  invalid_model: "Model is not text or too long",
  invalid_ip_addresses: "IP addresses are not valid addresses",
  invalid_last_seen: "Last seen is not a date",
  duplicate_in_page: "The same device twice in one page",
  conflict: "Serial already used by another device",
};

export function skipReasonLabel(reason: string): string {
  return SKIP_REASON_LABELS[reason as SkipReason] ?? reason;
}
