/**
 * An event's `details` as a readable diff. The commands record changes in a few shapes, all
 * read here: `{ field: { from, to } }` (under `changes`, or at the top level as roles do),
 * list edits `{ added, removed }` / `{ granted, revoked }`, a single `from` / `to` pair (a status,
 * a rate, a level), and `before` / `after` objects (the token policy). What is not a change is
 * shown as it is. Details never hold a secret (lib/audit/record-audit-event.ts), so nothing is
 * held back here either.
 */

export type AuditChange =
  | { kind: "value"; field: string; from: unknown; to: unknown }
  | { kind: "list"; field: string; added: unknown[]; removed: unknown[] };

export interface AuditDetailField {
  field: string;
  value: unknown;
}

export interface DescribedAuditDetails {
  changes: AuditChange[];
  fields: AuditDetailField[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return isObject(value) && "from" in value && "to" in value && Object.keys(value).length === 2;
}

/** `{ added, removed }` or `{ granted, revoked }`, lists on both sides. */
function listEdit(value: unknown): { added: unknown[]; removed: unknown[] } | null {
  if (!isObject(value)) return null;
  const added = value.added ?? value.granted;
  const removed = value.removed ?? value.revoked;
  if (!Array.isArray(added) || !Array.isArray(removed)) return null;
  return { added, removed };
}

/** What a bare top-level `from` / `to` pair is about, for the actions that record one. */
const SUBJECT_OF_ACTION: Record<string, string> = {
  "user.role_changed": "role",
  "api_client.disabled": "status",
  "api_client.enabled": "status",
  "api_client.request_rate_changed": "requestsPerMinute",
  "organization.ip_restriction_changed": "restrictApiByIp",
  "organization.security_level_changed": "securityLevel",
};

function changeOf(field: string, value: unknown): AuditChange | null {
  if (isFromTo(value)) return { kind: "value", field, from: value.from, to: value.to };
  const edit = listEdit(value);
  return edit ? { kind: "list", field, ...edit } : null;
}

function beforeAfterChanges(before: Json, after: Json): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ kind: "value", field: key, from: before[key], to: after[key] }));
}

export function describeAuditDetails(action: string, details: Json): DescribedAuditDetails {
  const changes: AuditChange[] = [];
  const fields: AuditDetailField[] = [];
  const rest: Json = { ...details };

  if ("from" in rest && "to" in rest) {
    changes.push({
      kind: "value",
      field: SUBJECT_OF_ACTION[action] ?? "value",
      from: rest.from,
      to: rest.to,
    });
    delete rest.from;
    delete rest.to;
  }
  if (isObject(rest.before) && isObject(rest.after)) {
    changes.push(...beforeAfterChanges(rest.before, rest.after));
    delete rest.before;
    delete rest.after;
    // The names of what changed, which the diff itself now shows.
    if (Array.isArray(rest.changed)) delete rest.changed;
  }
  if (isObject(rest.changes)) {
    for (const [field, value] of Object.entries(rest.changes)) {
      const change = changeOf(field, value);
      if (change) changes.push(change);
      else fields.push({ field: `changes.${field}`, value });
    }
    delete rest.changes;
  }
  // Roles record the permission grid's diff at the top level: `granted` and `revoked`.
  const grid = listEdit(rest);
  if (grid && "granted" in rest) {
    if (grid.added.length > 0 || grid.removed.length > 0) {
      changes.push({ kind: "list", field: "permissions", ...grid });
    }
    delete rest.granted;
    delete rest.revoked;
  }
  for (const [field, value] of Object.entries(rest)) {
    const change = changeOf(field, value);
    if (change) changes.push(change);
    else fields.push({ field, value });
  }
  return { changes, fields };
}

const FIELD_LABELS: Record<string, string> = {
  allowedIps: "Allowed IP addresses",
  hostUrl: "Host URL",
  restApiEnabled: "REST API enabled",
  consoleAdmin: "Console administrator",
  requestsPerMinute: "Requests per minute",
  restrictApiByIp: "Restrict API access by IP",
  securityLevel: "Security level",
  defaultTokenExpirationDays: "Default token expiration (days)",
  maxTokenExpirationDays: "Maximum token expiration (days)",
  allowUnexpiringTokens: "Tokens that never expire",
  client_id: "Client ID",
  token_id: "Token ID",
  runId: "Run ID",
  retriedRunId: "Retried run ID",
};

/** "graceWasUntil" → "Grace was until", "retry_after_seconds" → "Retry after seconds". */
export function auditFieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const words = field
    .replace(/\./g, " ")
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as one line of text: lists joined, nothing as "none", anything else as JSON. */
export function auditValueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry !== "object" || entry === null)) {
    return value.length === 0 ? "none" : value.map(auditValueText).join(", ");
  }
  return JSON.stringify(value);
}
