import { AuditEventList } from "@/components/audit/audit-event-list";
import type { TargetAuditEvent } from "@/lib/audit/list-audit-events-for-target";
import { WEBHOOK_AUDIT_ACTIONS } from "@/lib/webhooks/webhook-audit-actions";
import { webhookEventLabel } from "@/lib/webhooks/webhook-event-catalogue";

const ACTION_LABELS: Record<string, string> = {
  [WEBHOOK_AUDIT_ACTIONS.created]: "Created",
  [WEBHOOK_AUDIT_ACTIONS.updated]: "Edited",
  [WEBHOOK_AUDIT_ACTIONS.enabled]: "Enabled",
  [WEBHOOK_AUDIT_ACTIONS.disabled]: "Disabled",
  [WEBHOOK_AUDIT_ACTIONS.secretRotated]: "Secret rotated",
  [WEBHOOK_AUDIT_ACTIONS.testSent]: "Test event sent",
  [WEBHOOK_AUDIT_ACTIONS.redelivered]: "Redelivered",
  [WEBHOOK_AUDIT_ACTIONS.deleted]: "Deleted",
};

const FIELD_LABELS: Record<string, string> = { url: "URL", description: "description", eventTypes: "events" };
const text = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];

/** One line about what the event did, from its audited details (which never hold a secret). */
function summarizeEvent(event: TargetAuditEvent): string {
  const details = event.details;
  switch (event.action) {
    case WEBHOOK_AUDIT_ACTIONS.created:
      return `${text(details.url)} · ${list(details.eventTypes).map(webhookEventLabel).join(", ")}`;
    case WEBHOOK_AUDIT_ACTIONS.updated: {
      const changes = (details.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      return Object.entries(changes)
        .map(([field, change]) =>
          field === "eventTypes"
            ? `events: ${list(change.to).map(webhookEventLabel).join(", ")}`
            : field === "description"
              ? "description changed"
              : `${FIELD_LABELS[field] ?? field}: ${text(change.from)} → ${text(change.to)}`,
        )
        .join("; ");
    }
    case WEBHOOK_AUDIT_ACTIONS.disabled:
      return details.reason === "failing" ? "every delivery failed for 5 days" : "";
    case WEBHOOK_AUDIT_ACTIONS.redelivered:
      return `${webhookEventLabel(text(details.eventType))} · ${text(details.messageId)}`;
    default:
      return "";
  }
}

/** The most recent audit events of this endpoint, newest first. */
export function WebhookAuditEvents({
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
