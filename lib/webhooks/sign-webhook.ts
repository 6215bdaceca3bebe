import { Webhook } from "standardwebhooks";

/**
 * A delivery's body and headers as the Standard Webhooks specification has them: `webhook-id`
 * (the message's id, the same on every attempt), `webhook-timestamp` (this attempt's time, in
 * Unix seconds, which receivers compare with their clock) and `webhook-signature`, one
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated (during a
 * rotation: the new secret's first, then the old one's).
 */
export interface WebhookBody {
  type: string;
  /** When the event happened, ISO 8601. */
  timestamp: string;
  data: Record<string, unknown>;
}

export function webhookBody(type: string, occurredAt: Date, data: Record<string, unknown>): string {
  const body: WebhookBody = { type, timestamp: occurredAt.toISOString(), data };
  return JSON.stringify(body);
}

export function signedWebhookHeaders(
  messageId: string,
  sentAt: Date,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  if (secrets.length === 0) throw new Error("a webhook needs at least one signing secret");
  return {
    "content-type": "application/json",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(messageId, sentAt, body)).join(" "),
  };
}
