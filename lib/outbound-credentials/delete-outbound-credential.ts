import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { CREDENTIAL_TARGET_TYPE, type OutboundCredentialRecord } from "./credential-record";
import { type DeleteOutboundCredentialInput, deleteOutboundCredentialSchema } from "./credential-schemas";
import { byOrganizationAndId, lockOutboundCredential } from "./find-outbound-credential";

/**
 * Deletes a credential, and its sealed secrets with it, and audits it. Returns the deleted
 * credential, or null when the organization has no such credential.
 *
 * Seam for data flows (the next issue; no table yet): a flow will reference its credential
 * with a restricting foreign key, and this command will refuse, with a message naming the
 * flows, while any flow uses the credential.
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
