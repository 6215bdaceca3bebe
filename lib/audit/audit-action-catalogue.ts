/**
 * Every action the audit log records, declared once: what it is called in the console and
 * which kind of entry it is. `recordAuditEvent` and `recordSecurityEvent` accept only these
 * names, so an action that is not here does not compile; the audit log's action filter and
 * labels read this table.
 *
 * - administration: a change made in the console, by a script or by Latchkey's own upkeep;
 * - data: the organization's data changed through the resource API;
 * - security: who authenticated, what was refused and why, what happened to tokens and secrets.
 *
 * `traffic` marks the security events recorded as requests arrive (lib/audit/record-security-event.ts):
 * as many as the calls, so a target's own history (its page's recent activity) leaves them out.
 */
export const AUDIT_CATEGORIES = {
  administration: "Administration",
  data: "Data",
  security: "Security",
} as const;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

interface AuditActionDefinition {
  label: string;
  category: AuditCategory;
  traffic?: true;
}

export const AUDIT_ACTIONS = {
  "organization.seeded": { label: "Organization created", category: "administration" },
  "organization.ip_restriction_changed": { label: "IP restriction changed", category: "administration" },
  "organization.security_level_changed": { label: "Security level changed", category: "administration" },
  "organization.token_policy_changed": {
    label: "Token expiration policy changed",
    category: "administration",
  },
  "organization.expiry_notices_changed": {
    label: "Expiry notices changed",
    category: "administration",
  },
  "organization.idle_client_policy_changed": {
    label: "Idle-client policy changed",
    category: "administration",
  },

  "user.created": { label: "User created", category: "administration" },
  "user.updated": { label: "User edited", category: "administration" },
  "user.role_changed": { label: "User's role changed", category: "administration" },
  "user.deactivated": { label: "User deactivated", category: "administration" },
  "user.reactivated": { label: "User reactivated", category: "administration" },

  "role.created": { label: "Role created", category: "administration" },
  "role.updated": { label: "Role edited", category: "administration" },
  "role.deleted": { label: "Role deleted", category: "administration" },

  "api_client.created": { label: "Client created", category: "administration" },
  "api_client.updated": { label: "Client edited", category: "administration" },
  "api_client.disabled": { label: "Client disabled", category: "administration" },
  "api_client.enabled": { label: "Client enabled", category: "administration" },
  "api_client.deleted": { label: "Client deleted", category: "administration" },
  "api_client.request_rate_changed": { label: "Client request rate changed", category: "administration" },
  "api_client.secret_rotated": { label: "Client secret rotated", category: "administration" },
  "api_client.secret_grace_ended": { label: "Old client secret stopped", category: "administration" },

  "personal_token.created": { label: "Personal token created", category: "administration" },
  "personal_token.recreated": { label: "Personal token recreated", category: "administration" },
  "personal_token.renewed": { label: "Personal token renewed", category: "administration" },
  "personal_token.revoked": { label: "Personal token revoked", category: "administration" },
  "legacy_key.created": { label: "Legacy key created", category: "administration" },
  "legacy_key.revoked": { label: "Legacy key revoked", category: "administration" },

  "outbound_credential.created": { label: "Credential created", category: "administration" },
  "outbound_credential.updated": { label: "Credential edited", category: "administration" },
  "outbound_credential.deleted": { label: "Credential deleted", category: "administration" },
  "outbound_credential.secret_replaced": { label: "Credential secret replaced", category: "administration" },
  "outbound_credential.tested": { label: "Credential tested", category: "administration" },
  "outbound_credential.decrypt_failed": { label: "Credential could not be decrypted", category: "security" },

  "data_flow.created": { label: "Data flow created", category: "administration" },
  "data_flow.updated": { label: "Data flow edited", category: "administration" },
  "data_flow.deleted": { label: "Data flow deleted", category: "administration" },
  "data_flow.paused": { label: "Data flow paused", category: "administration" },
  "data_flow.resumed": { label: "Data flow resumed", category: "administration" },
  "data_flow.run_requested": { label: "Data flow run requested", category: "administration" },
  "data_flow.run_retried": { label: "Data flow run retried", category: "administration" },
  "data_flow.run_cancelled": { label: "Data flow run cancelled", category: "administration" },
  "webhook_endpoint.created": { label: "Webhook endpoint added", category: "administration" },
  "webhook_endpoint.updated": { label: "Webhook endpoint edited", category: "administration" },
  "webhook_endpoint.deleted": { label: "Webhook endpoint deleted", category: "administration" },
  "webhook_endpoint.enabled": { label: "Webhook endpoint enabled", category: "administration" },
  "webhook_endpoint.disabled": { label: "Webhook endpoint disabled", category: "administration" },
  "webhook_endpoint.secret_rotated": { label: "Webhook signing secret rotated", category: "administration" },
  "webhook_endpoint.test_sent": { label: "Webhook test event sent", category: "administration" },
  "webhook_endpoint.redelivered": { label: "Webhook delivery sent again", category: "administration" },

  "installation_key.rotated": { label: "Installation key rotated", category: "administration" },
  "signing_key.rotated": { label: "Signing key rotated", category: "administration" },
  "signing_key.retired_compromised": {
    label: "Signing keys retired as compromised",
    category: "administration",
  },

  // Through the resource API (lib/api/record-api-mutation.ts): `${noun}.${kind}` unless renamed.
  "case.created": { label: "Case created", category: "data" },
  "case.updated": { label: "Case edited", category: "data" },
  "case.deleted": { label: "Case deleted", category: "data" },
  "category.created": { label: "Category created", category: "data" },
  "category.updated": { label: "Category edited", category: "data" },
  "category.deleted": { label: "Category deleted", category: "data" },
  "device.created": { label: "Device created", category: "data" },
  "device.updated": { label: "Device edited", category: "data" },
  "device.deleted": { label: "Device deleted", category: "data" },
  "evidence.created": { label: "Evidence created", category: "data" },
  "evidence.updated": { label: "Evidence edited", category: "data" },
  "evidence.deleted": { label: "Evidence deleted", category: "data" },
  "group.created": { label: "Group created", category: "data" },
  "group.updated": { label: "Group edited", category: "data" },
  "group.deleted": { label: "Group deleted", category: "data" },
  "report.generated": { label: "Report generated", category: "data" },
  "report.deleted": { label: "Report deleted", category: "data" },

  /** Someone took a copy of (part of) the audit log: who, which filters, which format. */
  "audit.exported": { label: "Audit log exported", category: "security" },

  "access_token.issued": { label: "Access token issued", category: "security", traffic: true },
  "access_token.request_refused": {
    label: "Access token request refused",
    category: "security",
    traffic: true,
  },
  "access_token.refused": { label: "Access token refused", category: "security", traffic: true },
  "access_token.introspected": { label: "Access token introspected", category: "security", traffic: true },
  "access_token.revocation_requested": {
    label: "Access token revocation requested",
    category: "security",
    traffic: true,
  },
  "api_client.authentication_refused": {
    label: "Client authentication refused",
    category: "security",
    traffic: true,
  },
  "api_client.old_secret_expired": { label: "Old client secret expired", category: "security" },
  /** For a lifecycle policy (such as disabling clients unused for N days); written by that policy. */
  "api_client.disabled_by_policy": { label: "Client disabled by policy", category: "security" },
  "personal_token.refused": { label: "Personal token refused", category: "security", traffic: true },
  "legacy_key.refused": { label: "Legacy key refused", category: "security", traffic: true },
  "basic_auth.refused": { label: "Email and password refused", category: "security", traffic: true },
  "api.rate_limited": { label: "API request rate exceeded", category: "security", traffic: true },
  "audit.security_events_dropped": { label: "Security events dropped", category: "security", traffic: true },
} as const satisfies Record<string, AuditActionDefinition>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}

/** The actions of one category, in catalogue order. */
export function auditActionsIn(category: AuditCategory): AuditAction[] {
  return AUDIT_ACTION_KEYS.filter((action) => AUDIT_ACTIONS[action].category === category);
}

/** The actions recorded as requests arrive, off the request path, by recordSecurityEvent. */
export type SecurityEventAction = {
  [Action in AuditAction]: (typeof AUDIT_ACTIONS)[Action] extends { traffic: true } ? Action : never;
}[AuditAction];

/** The traffic actions, which a target's own history leaves out. */
export const TRAFFIC_ACTIONS = AUDIT_ACTION_KEYS.filter(
  (action) => "traffic" in AUDIT_ACTIONS[action],
) as SecurityEventAction[];
