import type { ActorType, AuditOutcome } from "@/lib/db/schema";

/**
 * How the audit log names its other kinds — who acted, what an event was about, how it ended —
 * declared once for the page's filters and columns, the detail page and the exports.
 */
export const AUDIT_ACTOR_TYPES = {
  user: "Console user",
  client: "API client",
  personal_token: "Personal token",
  system: "Latchkey",
  anonymous: "Anonymous",
} as const satisfies Record<ActorType, string>;

export const AUDIT_OUTCOMES = {
  success: "Success",
  denied: "Denied",
  failure: "Failure",
} as const satisfies Record<AuditOutcome, string>;

/**
 * The kinds of target the audit log records (`target_type`): the console's own things, and the
 * resource API's nouns. A type not listed here still shows, under its own name.
 */
export const AUDIT_TARGET_TYPES = {
  organization: "Organization",
  user: "User",
  role: "Role",
  api_client: "API client",
  access_token: "Access token",
  personal_token: "Personal token",
  legacy_key: "Legacy key",
  outbound_credential: "Credential",
  data_flow: "Data flow",
  signing_key: "Signing key",
  installation_key: "Installation key",
  case: "Case",
  category: "Category",
  device: "Device",
  evidence: "Evidence",
  group: "Group",
  report: "Report",
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;

export const AUDIT_TARGET_TYPE_KEYS = Object.keys(AUDIT_TARGET_TYPES) as AuditTargetType[];

export function auditTargetTypeLabel(type: string): string {
  return Object.hasOwn(AUDIT_TARGET_TYPES, type) ? AUDIT_TARGET_TYPES[type as AuditTargetType] : type;
}
