import { sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { outboundCredentials } from "@/lib/db/schema";
import { describeCredentialChanges, type EditableCredentialFields } from "./credential-changes";
import { DuplicateCredentialNameError } from "./credential-errors";
import {
  CREDENTIAL_NAME_UNIQUE,
  CREDENTIAL_TARGET_TYPE,
  credentialColumns,
  credentialNameKey,
  type OutboundCredentialRecord,
} from "./credential-record";
import { outboundCredentialSchemas, type UpdateOutboundCredentialInput } from "./credential-schemas";
import {
  byOrganizationAndId,
  findOutboundCredential,
  lockOutboundCredential,
} from "./find-outbound-credential";
import { assertHostUrlAllowed, type HostUrlGuard } from "./host-url-check";

/**
 * Edits a credential's name, description and host URL (fields left out stay as they are;
 * the secrets are replaced by replaceCredentialSecret, never edited) and audits what changed.
 * A new host URL passes the guard's network check first and clears the last test result,
 * which was about the old host. Returns null when the organization has no such credential;
 * an edit that changes nothing writes nothing.
 */
export async function updateOutboundCredential(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: UpdateOutboundCredentialInput,
  guard: HostUrlGuard,
): Promise<OutboundCredentialRecord | null> {
  const values = outboundCredentialSchemas(guard).update.parse(input);
  // The network check resolves names, so it runs before the transaction rather than inside it.
  const seen = await findOutboundCredential(executor, organizationId, values.credentialId);
  if (!seen) return null;
  if (values.hostUrl !== undefined && values.hostUrl !== seen.hostUrl)
    await assertHostUrlAllowed(guard, values.hostUrl);
  try {
    return await executor.transaction(async (tx) => {
      const current = await lockOutboundCredential(tx, organizationId, values.credentialId);
      if (!current) return null;
      const next: EditableCredentialFields = {
        name: values.name ?? current.name,
        description: values.description ?? current.description,
        // A host that was not checked above is the one seen before, which passed when it was saved.
        hostUrl: values.hostUrl ?? current.hostUrl,
      };
      const changes = describeCredentialChanges(current, next);
      if (!changes) return current;
      const [updated] = await tx
        .update(outboundCredentials)
        .set({
          ...next,
          nameKey: credentialNameKey(next.name),
          updatedBy: actor.type === "user" ? actor.id : null,
          updatedAt: sql`now()`,
          ...(changes.hostUrl ? { lastTestOutcome: null, lastTestMessage: null, lastTestedAt: null } : {}),
        })
        .where(byOrganizationAndId(organizationId, current.id))
        .returning(credentialColumns);
      if (!updated) throw new Error("locked outbound credential vanished");
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "outbound_credential.updated",
        targetType: CREDENTIAL_TARGET_TYPE,
        targetId: updated.id,
        details: { name: updated.name, changes },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error, CREDENTIAL_NAME_UNIQUE)) throw new DuplicateCredentialNameError();
    throw error;
  }
}
