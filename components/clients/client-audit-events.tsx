import { AuditEventList } from "@/components/audit/audit-event-list";
import type { TargetAuditEvent } from "@/lib/audit/list-audit-events-for-target";
import { ROTATION_GRACE_LABELS, type RotationGrace } from "@/lib/clients/client-schemas";

const ACTION_LABELS: Record<string, string> = {
  "api_client.created": "Created",
  "api_client.updated": "Edited",
  "api_client.secret_rotated": "Secret rotated",
  "api_client.disabled": "Disabled",
  "api_client.enabled": "Enabled",
  "api_client.deleted": "Deleted",
  "api_client.disabled_by_policy": "Disabled by the idle-client policy",
};

type Changes = {
  name?: { from: string; to: string };
  description?: unknown;
  allowedIps?: { added: string[]; removed: string[] };
  permissions?: { granted: string[]; revoked: string[] };
};

function listChange(label: string, added: string[] = [], removed: string[] = []) {
  const parts = [...added.map((entry) => `+${entry}`), ...removed.map((entry) => `−${entry}`)];
  return `${label}: ${parts.length > 0 ? parts.join(" ") : "reordered"}`;
}

/** One line about what the event changed, from its audited details (which never hold a secret). */
function summarizeEvent(event: TargetAuditEvent): string {
  const details = event.details;
  if (event.action === "api_client.updated" && details.changes && typeof details.changes === "object") {
    const changes = details.changes as Changes;
    const parts: string[] = [];
    if (changes.name) parts.push(`name: ${changes.name.from} → ${changes.name.to}`);
    if (changes.description) parts.push("description changed");
    if (changes.allowedIps)
      parts.push(listChange("allowed IPs", changes.allowedIps.added, changes.allowedIps.removed));
    if (changes.permissions)
      parts.push(listChange("permissions", changes.permissions.granted, changes.permissions.revoked));
    return parts.join("; ");
  }
  if (event.action === "api_client.secret_rotated") {
    const grace = ROTATION_GRACE_LABELS[details.grace as RotationGrace] ?? String(details.grace);
    return `old secret keeps working: ${grace}`;
  }
  if (event.action === "api_client.created" && Array.isArray(details.permissions)) {
    return details.permissions.length > 0
      ? `permissions: ${details.permissions.join(", ")}`
      : "no permissions";
  }
  return "";
}

/** The most recent audit events of this client, newest first. */
export function ClientAuditEvents({
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
