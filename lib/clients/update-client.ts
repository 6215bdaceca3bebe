import { and, eq, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { apiClients } from "@/lib/db/schema";
import { assertGridChangeWithinCeiling, loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { describeClientChanges, type EditableClientFields } from "./client-changes";
import { DuplicateClientNameError } from "./client-errors";
import { assertAllowedIpsPresent, loadClientPolicy } from "./client-policy";
import { CLIENT_TARGET_TYPE, type ClientRecord, clientColumns, clientNameKey } from "./client-record";
import { type UpdateClientInput, updateClientSchema } from "./client-schemas";
import { lockClientForUpdate } from "./find-client";

/**
 * Edits a client's name, description, allowed IPs and permissions (fields left out stay as
 * they are) and audits what changed, with a diff of the permission grid. Returns null when
 * the organization has no such client; an edit that changes nothing writes nothing. Cells of
 * permissions the acting administrator's role does not hold cannot change (grant-ceiling.ts).
 */
export async function updateClient(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: UpdateClientInput,
): Promise<ClientRecord | null> {
  const values = updateClientSchema.parse(input);
  try {
    return await executor.transaction(async (tx) => {
      const current = await lockClientForUpdate(tx, organizationId, values.clientId);
      if (!current) return null;
      const next: EditableClientFields = {
        name: values.name ?? current.name,
        description: values.description ?? current.description,
        allowedIps: values.allowedIps ?? current.allowedIps,
        permissions: values.permissions ?? current.permissions,
      };
      const changes = describeClientChanges(current, next);
      if (!changes) return current;
      if (changes.permissions) {
        const ceiling = await loadGrantCeiling(tx, organizationId, actor);
        assertGridChangeWithinCeiling(ceiling, current.permissions, next.permissions);
      }
      if (changes.allowedIps)
        assertAllowedIpsPresent(await loadClientPolicy(tx, organizationId), next.allowedIps);

      const [updated] = await tx
        .update(apiClients)
        .set({ ...next, nameKey: clientNameKey(next.name), updatedAt: sql`now()` })
        .where(and(eq(apiClients.organizationId, organizationId), eq(apiClients.id, current.id)))
        .returning(clientColumns);
      if (!updated) throw new Error("locked api client vanished");
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "api_client.updated",
        targetType: CLIENT_TARGET_TYPE,
        targetId: updated.clientId,
        details: { name: updated.name, changes },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_clients_organization_name_unique"))
      throw new DuplicateClientNameError();
    throw error;
  }
}
