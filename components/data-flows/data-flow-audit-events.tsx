import { AuditEventList } from "@/components/audit/audit-event-list";
import type { TargetAuditEvent } from "@/lib/audit/list-audit-events-for-target";
import { describeSchedule } from "@/lib/data-flows/data-flow-labels";

const ACTION_LABELS: Record<string, string> = {
  "data_flow.created": "Created",
  "data_flow.updated": "Edited",
  "data_flow.deleted": "Deleted",
  "data_flow.paused": "Paused",
  "data_flow.resumed": "Resumed",
  "data_flow.run_requested": "Run now",
  "data_flow.run_retried": "Run retried",
  "data_flow.run_cancelled": "Run cancelled",
};

const FIELD_LABELS: Record<string, string> = {
  name: "name",
  credentialId: "credential",
  filter: "Axonius filter",
  schedule: "schedule",
  cron: "cron expression",
  imports: "what to import",
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** One line about what the event did, from its audited details. */
function summarizeEvent(event: TargetAuditEvent): string {
  const details = event.details;
  switch (event.action) {
    case "data_flow.created":
      return describeSchedule({
        schedule: (text(details.schedule) || "manual") as "manual",
        cron: text(details.cron) || null,
      });
    case "data_flow.updated": {
      const changes = (details.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      return Object.entries(changes)
        .map(([field, change]) =>
          field === "credentialId" || field === "filter"
            ? `${FIELD_LABELS[field]} changed`
            : `${FIELD_LABELS[field] ?? field}: ${text(change.from) || "none"} → ${text(change.to) || "none"}`,
        )
        .join("; ");
    }
    case "data_flow.paused":
      return text(details.reason);
    case "data_flow.resumed":
      return details.previousReason ? `was paused: ${text(details.previousReason)}` : "";
    default:
      return "";
  }
}

export function DataFlowAuditEvents({
  events,
  format,
}: {
  events: readonly TargetAuditEvent[];
  format: (date: Date) => string;
}) {
  return (
    <AuditEventList events={events} format={format} actionLabels={ACTION_LABELS} summarize={summarizeEvent} />
  );
}
