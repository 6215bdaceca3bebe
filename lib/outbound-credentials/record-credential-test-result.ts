import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import {
  CREDENTIAL_TARGET_TYPE,
  credentialColumns,
  type OutboundCredentialRecord,
} from "./credential-record";
import { type RecordCredentialTestInput, recordCredentialTestSchema } from "./credential-schemas";
import { byOrganizationAndId, lockOutboundCredential } from "./find-outbound-credential";

export interface RecordedCredentialTest {
  credential: OutboundCredentialRecord;
  /** False when the host or secrets changed while the test ran: the result was audited, not kept as the last test. */
  kept: boolean;
}

/**
 * Records a "Test connection" result: as the credential's last test (outcome, message,
 * time) and as an audit event, in one transaction. A test of a host or secrets that have
 * changed since is audited but not kept, since it says nothing about the credential now.
 * Returns null when the organization has no such credential.
 */
export async function recordCredentialTestResult(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: RecordCredentialTestInput,
  now = new Date(),
): Promise<RecordedCredentialTest | null> {
  const values = recordCredentialTestSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockOutboundCredential(tx, organizationId, values.credentialId);
    if (!current) return null;
    const kept =
      current.hostUrl === values.testedAgainst.hostUrl &&
      current.secretsUpdatedAt.getTime() === values.testedAgainst.secretsUpdatedAt.getTime();
    let credential = current;
    if (kept) {
      const [updated] = await tx
        .update(outboundCredentials)
        .set({ lastTestOutcome: values.outcome, lastTestMessage: values.message, lastTestedAt: now })
        .where(byOrganizationAndId(organizationId, current.id))
        .returning(credentialColumns);
      if (!updated) throw new Error("locked outbound credential vanished");
      credential = updated;
    }
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "outbound_credential.tested",
      targetType: CREDENTIAL_TARGET_TYPE,
      targetId: current.id,
      outcome: values.outcome === "connected" ? "success" : "failure",
      details: {
        name: current.name,
        hostUrl: values.testedAgainst.hostUrl,
        outcome: values.outcome,
        message: values.message,
        ...(kept ? {} : { superseded: true }),
      },
    });
    return { credential, kept };
  });
}
