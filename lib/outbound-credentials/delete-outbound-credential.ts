import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { dataFlows, outboundCredentials } from "@/lib/db/schema";
import { CredentialInUseError } from "./credential-errors";
import { CREDENTIAL_TARGET_TYPE, type OutboundCredentialRecord } from "./credential-record";
import { type DeleteOutboundCredentialInput, deleteOutboundCredentialSchema } from "./credential-schemas";
import { byOrganizationAndId, lockOutboundCredential } from "./find-outbound-credential";

/**
 * Deletes a credential, and its sealed secrets with it, and audits it. Returns the deleted
 * credential, or null when the organization has no such credential.
 *
 * Refused with CredentialInUseError, naming the flows, while any data flow uses the
 * credential (data_flows.credential_id also restricts the delete in the database).
 */
export async function deleteOutboundCredential(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: DeleteOutboundCredentialInput,
): Promise<OutboundCredentialRecord | null> {
  const values = deleteOutboundCredentialSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockOutboundCredential(tx, organizationId, values.credentialId);
    if (!current) return null;
    const users = await tx
      .select({ name: dataFlows.name })
      .from(dataFlows)
      .where(eq(dataFlows.credentialId, current.id))
      .orderBy(dataFlows.nameKey);
    if (users.length > 0) throw new CredentialInUseError(users.map((flow) => flow.name));
    await tx.delete(outboundCredentials).where(byOrganizationAndId(organizationId, current.id));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "outbound_credential.deleted",
      targetType: CREDENTIAL_TARGET_TYPE,
      targetId: current.id,
      details: { name: current.name, connector: current.connector, hostUrl: current.hostUrl },
    });
    return current;
  });
}
