/** The audit actions webhook commands record (target type "webhook_endpoint", the endpoint's id). */
export const WEBHOOK_AUDIT_ACTIONS = {
  created: "webhook_endpoint.created",
  updated: "webhook_endpoint.updated",
  enabled: "webhook_endpoint.enabled",
  disabled: "webhook_endpoint.disabled",
  secretRotated: "webhook_endpoint.secret_rotated",
  testSent: "webhook_endpoint.test_sent",
  redelivered: "webhook_endpoint.redelivered",
  deleted: "webhook_endpoint.deleted",
} as const;
