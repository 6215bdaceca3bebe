/**
 * Why a security event was refused (or, for a policy, why it acted), declared once: the audit
 * log's `reason` column holds one of these keys, the console shows its label. A reason is
 * what Latchkey found, stated for the organization's administrators; the caller was told only
 * what the endpoint always says (one answer for an unknown client and a wrong secret, say).
 */
export const AUDIT_REASONS = {
  malformed_credentials: "Credentials malformed",
  unknown_client: "Unknown client",
  wrong_secret: "Wrong secret",
  client_disabled: "Client disabled",
  secret_expired: "Secret past its grace period",
  secret_revoked: "Secret revoked",
  credentials_not_valid: "Credentials not valid",
  not_in_plan: "API access not in the plan",
  address_not_allowed: "Address not allowed",
  rate_limited: "Too many attempts",
  request_rate_exceeded: "Request rate exceeded",
  invalid_scope: "Scope not granted",
  unsupported_grant_type: "Unsupported grant type",
  invalid_token: "Invalid token",
  token_expired: "Token expired",
  token_not_live: "Token revoked, or its client disabled or changed",
  unknown_token: "Unknown token",
  token_revoked: "Token revoked",
  unknown_user: "Unknown email",
  wrong_password: "Wrong password",
  user_deactivated: "User deactivated",
  method_not_allowed: "Method not accepted at the security level",
  rest_api_off: "REST API off for the user's role",
  idle: "Unused for too long",
} as const;

export type AuditReason = keyof typeof AUDIT_REASONS;

export function isAuditReason(value: string): value is AuditReason {
  return Object.hasOwn(AUDIT_REASONS, value);
}

export function auditReasonLabel(reason: string): string {
  return isAuditReason(reason) ? AUDIT_REASONS[reason] : reason;
}
