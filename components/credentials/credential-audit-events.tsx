import { AuditEventList } from "@/components/audit/audit-event-list";
import type { TargetAuditEvent } from "@/lib/audit/list-audit-events-for-target";
import { OUTBOUND_CONNECTORS } from "@/lib/outbound-credentials/connectors";

const ACTION_LABELS: Record<string, string> = {
  "outbound_credential.created": "Created",
  "outbound_credential.updated": "Edited",
  "outbound_credential.secret_replaced": "Secret replaced",
  "outbound_credential.tested": "Connection tested",
  "outbound_credential.decrypt_failed": "Secrets unreadable",
  "outbound_credential.deleted": "Deleted",
};

// The audit details name fields by their keys; people know them by the form's labels.
const FIELD_LABELS: Record<string, string> = {
  name: "name",
  description: "description",
  hostUrl: "host URL",
  apiKey: "API key",
  clientSecret: "client secret",
};

const text = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];

/** One line about what the event did, from its audited details (which never hold a secret). */
function summarizeEvent(event: TargetAuditEvent): string {
  const details = event.details;
  switch (event.action) {
    case "outbound_credential.created": {
      const connector = OUTBOUND_CONNECTORS[details.connector as keyof typeof OUTBOUND_CONNECTORS];
      return [connector?.label, text(details.hostUrl)].filter(Boolean).join(" · ");
    }
    case "outbound_credential.updated": {
      const changes = (details.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      return Object.entries(changes)
        .map(([field, change]) =>
          field === "description"
            ? "description changed"
            : `${FIELD_LABELS[field] ?? field}: ${text(change.from)} → ${text(change.to)}`,
        )
        .join("; ");
    }
    case "outbound_credential.secret_replaced":
      return `replaced: ${strings(details.replaced)
        .map((field) => FIELD_LABELS[field] ?? field)
        .join(", ")}`;
    case "outbound_credential.tested":
      return `${text(details.message)}${details.superseded ? " (not kept: the credential changed during the test)" : ""}`;
    case "outbound_credential.decrypt_failed": {
      const failures = Array.isArray(details.failures) ? details.failures : [];
      const fields = failures
        .map((failure) => FIELD_LABELS[text((failure as { field?: unknown }).field)])
        .filter(Boolean);
      return `could not decrypt the stored ${fields.length > 0 ? fields.join(" and ") : "secrets"}`;
    }
    default:
      return "";
  }
}

/** The most recent audit events of this credential, newest first. */
export function CredentialAuditEvents({
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
