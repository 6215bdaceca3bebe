import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import {
  endpointColumns,
  endpointOfOrganization,
  isWellFormedId,
  type WebhookEndpointRecord,
} from "./webhook-endpoint-record";

/** The organization's endpoint with this id (safe columns only), or null: another organization's is not found. */
export async function findWebhookEndpoint(
  executor: Executor,
  organizationId: string,
  endpointId: string,
  options: { forUpdate?: boolean } = {},
): Promise<WebhookEndpointRecord | null> {
  if (!isWellFormedId(endpointId)) return null;
  const query = executor
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(endpointOfOrganization(organizationId, endpointId))
    .limit(1);
  const [endpoint] = options.forUpdate ? await query.for("update") : await query;
  return endpoint ?? null;
}
