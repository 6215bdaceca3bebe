import { formatDateTime } from "@/components/clients/format-date-time";
import type { WebhookDeliveryStatus } from "@/lib/db/schema";
import type { WebhookEndpointRecord } from "@/lib/webhooks/webhook-endpoint-record";
import { webhookEventLabel } from "@/lib/webhooks/webhook-event-catalogue";

/** Words the webhook pages show for states, formatted on the server. */

/** A delivery's status as a word; a pending one that has been tried is retrying. */
export function deliveryStatusLabel(status: WebhookDeliveryStatus, attemptCount: number): string {
  switch (status) {
    case "pending":
      return attemptCount === 0 ? "Queued" : "Retrying";
    case "sending":
      return "Sending";
    case "succeeded":
      return "Delivered";
    case "failed":
      return "Failed";
    case "cancelled":
      return "Cancelled";
  }
}

/** "Enabled", or "Disabled" and why, in one sentence. */
export function endpointStatusText(
  endpoint: Pick<WebhookEndpointRecord, "enabled" | "disabledReason" | "disabledBy" | "disabledAt">,
): { label: "Enabled" | "Disabled"; why: string | null } {
  if (endpoint.enabled) return { label: "Enabled", why: null };
  const when = endpoint.disabledAt ? ` on ${formatDateTime(endpoint.disabledAt)}` : "";
  if (endpoint.disabledReason === "failing")
    return { label: "Disabled", why: `by Latchkey${when}: every delivery failed for 5 days` };
  return { label: "Disabled", why: `by ${endpoint.disabledBy ?? "an administrator"}${when}` };
}

export function eventLabels(types: readonly string[]): string {
  return types.map(webhookEventLabel).join(", ");
}
