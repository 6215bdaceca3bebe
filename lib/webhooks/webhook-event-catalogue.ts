/**
 * Every event a webhook endpoint can subscribe to, with the label and description the console
 * shows: the one list the schemas, the event checkboxes and emitWebhookEvent derive from. A new
 * event is added here, and its sender calls emitWebhookEvent with its key.
 */
export const WEBHOOK_EVENTS = {
  "token.expiring": {
    label: "Personal token expiring",
    description: "A personal token lapses soon (30, 7 and 1 days before, as the organization's policy says).",
  },
  "client_secret.expiring": {
    label: "Client secret expiring",
    description: "A rotating API client secret lapses soon.",
  },
  "client.idle": {
    label: "Client about to be disabled",
    description:
      "An API access client is unused so long that the idle-client policy disables it within 7 days.",
  },
  "client.disabled": {
    label: "Client disabled",
    description: "An API access client was disabled, by an administrator or by the idle-client policy.",
  },
  "data_flow.failed": {
    label: "Data flow run failed",
    description: "A data flow run ended failed or partial.",
  },
  "data_flow.paused": {
    label: "Data flow paused",
    description: "A data flow paused itself after failing repeatedly.",
  },
  "permissions.unused": {
    label: "Unused permissions",
    description: "The weekly summary of permissions granted to clients and tokens but not used for 90 days.",
  },
} as const satisfies Record<string, { label: string; description: string }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];

/**
 * "Send test event": sent only to the endpoint it is asked for, whatever it subscribes to, so it
 * is not among the events an endpoint chooses.
 */
export const WEBHOOK_TEST_EVENT = "webhook.test";
export type WebhookTestEventType = typeof WEBHOOK_TEST_EVENT;

/** Any type a message can carry: a subscribable event or the test event. */
export type WebhookMessageType = WebhookEventType | WebhookTestEventType;

export function webhookEventLabel(type: string): string {
  if (type === WEBHOOK_TEST_EVENT) return "Test event";
  return WEBHOOK_EVENTS[type as WebhookEventType]?.label ?? type;
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENTS, value);
}
