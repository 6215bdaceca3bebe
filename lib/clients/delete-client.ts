import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { ConfirmationNameMismatchError } from "./client-errors";
import { CLIENT_TARGET_TYPE, type ClientRecord } from "./client-record";
import { type DeleteClientInput, deleteClientSchema } from "./client-schemas";
import { lockClientForUpdate } from "./find-client";

/**
 * Deletes a client and (by cascade) its secrets, once the administrator has typed its name
 * exactly (after trimming and NFC normalization, case included). Returns the deleted client,
 * or null when the organization has no such client.
 */
export async function deleteClient(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: DeleteClientInput,
): Promise<ClientRecord | null> {
  const values = deleteClientSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockClientForUpdate(tx, organizationId, values.clientId);
    if (!current) return null;
    if (values.confirmationName.normalize("NFC").trim() !== current.name) {
      throw new ConfirmationNameMismatchError();
    }
    await tx
      .delete(apiClients)
      .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.id, current.id)));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "api_client.deleted",
      targetType: CLIENT_TARGET_TYPE,
      targetId: current.clientId,
      details: { name: current.name, permissions: current.permissions },
    });
    return current;
  });
}
