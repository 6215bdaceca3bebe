import { and, eq, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { CLIENT_TARGET_TYPE, type ClientRecord, clientColumns } from "./client-record";
import { type SetClientRequestRateInput, setClientRequestRateSchema } from "./client-request-rate-schema";
import { lockClientForUpdate } from "./find-client";

/**
 * Sets how many /api/v1 requests per minute a client may make (null: the installation
 * default). Applies from the client's next request, in every process. Audited with from/to.
 * Returns null when there is no such client in the organization.
 */
export async function setClientRequestRate(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: SetClientRequestRateInput,
): Promise<ClientRecord | null> {
  const values = setClientRequestRateSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockClientForUpdate(tx, organizationId, values.clientId);
    if (!current) return null;
    if (current.requestsPerMinute === values.requestsPerMinute) return current;
    const [updated] = await tx
      .update(apiClients)
      .set({ requestsPerMinute: values.requestsPerMinute, updatedAt: sql`now()` })
      .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.id, current.id)))
      .returning(clientColumns);
    if (!updated) throw new Error("locked api client vanished");
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "api_client.request_rate_changed",
      targetType: CLIENT_TARGET_TYPE,
      targetId: updated.clientId,
      details: { name: updated.name, from: current.requestsPerMinute, to: updated.requestsPerMinute },
    });
    return updated;
  });
}
