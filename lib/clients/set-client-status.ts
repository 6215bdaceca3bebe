import { and, eq, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { CLIENT_TARGET_TYPE, type ClientRecord, clientColumns } from "./client-record";
import { type SetClientStatusInput, setClientStatusSchema } from "./client-schemas";
import { lockClientForUpdate } from "./find-client";

/**
 * Disables or enables a client. A disabled client's secrets and access tokens are refused on
 * the next request (both read the status each time); its secrets are kept, so enabling it again
 * restores access without a new secret. Disabling also moves the client's token generation on,
 * so the access tokens issued before stay refused after it is enabled again: the client asks
 * for new ones. Enabling restarts the idle-client policy's clock (idle-client-policy.ts).
 * Returns null when there is no such client.
 */
export async function setClientStatus(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: SetClientStatusInput,
): Promise<ClientRecord | null> {
  const values = setClientStatusSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockClientForUpdate(tx, organizationId, values.clientId);
    if (!current) return null;
    if (current.status === values.status) return current;
    const [updated] = await tx
      .update(apiClients)
      .set({
        status: values.status,
        updatedAt: sql`now()`,
        ...(values.status === "disabled"
          ? { tokenGeneration: sql`${apiClients.tokenGeneration} + 1`, disabledReason: null }
          : // Enabled again: the idle-client policy counts from now, and the reason is over.
            { idleClockStartedAt: sql`now()`, disabledReason: null }),
      })
      .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.id, current.id)))
      .returning(clientColumns);
    if (!updated) throw new Error("locked api client vanished");
    if (updated.status === "disabled") {
      await emitWebhookEvent(tx, organizationId, "client.disabled", {
        client: { clientId: updated.clientId, name: updated.name },
        by: "administrator",
        administrator: actor.label,
      });
    }
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: values.status === "disabled" ? "api_client.disabled" : "api_client.enabled",
      targetType: CLIENT_TARGET_TYPE,
      targetId: updated.clientId,
      details: { name: updated.name, from: current.status, to: updated.status },
    });
    return updated;
  });
}
