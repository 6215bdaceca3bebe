import { sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { apiKeyHint } from "./api-key-hint";
import {
  CREDENTIAL_TARGET_TYPE,
  credentialColumns,
  type OutboundCredentialRecord,
} from "./credential-record";
import { type ReplaceCredentialSecretInput, replaceCredentialSecretSchema } from "./credential-schemas";
import { type SecretField, sealCredentialSecrets } from "./credential-secrets";
import { byOrganizationAndId, lockOutboundCredential } from "./find-outbound-credential";

/**
 * Replaces the API key, the client secret, or both, sealing the new values as on creation;
 * the stored ones are never read, so this also mends a credential whose secrets no longer
 * decrypt. The last test result is cleared (it was about the old secrets). The audit event
 * names the fields replaced, never their values. Returns null when the organization has no
 * such credential.
 */
export async function replaceCredentialSecret(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: ReplaceCredentialSecretInput,
): Promise<OutboundCredentialRecord | null> {
  const values = replaceCredentialSecretSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await lockOutboundCredential(tx, organizationId, values.credentialId);
    if (!current) return null;
    const sealed = await sealCredentialSecrets(
      tx,
      { organizationId, rowId: current.id },
      { apiKey: values.apiKey, clientSecret: values.clientSecret },
    );
    const hint = values.apiKey === undefined ? null : apiKeyHint(values.apiKey);
    const [updated] = await tx
      .update(outboundCredentials)
      .set({
        ...(sealed.apiKey !== undefined ? { encryptedApiKey: sealed.apiKey } : {}),
        ...(sealed.clientSecret !== undefined ? { encryptedClientSecret: sealed.clientSecret } : {}),
        ...(hint ? { apiKeyStart: hint.start, apiKeyEnd: hint.end } : {}),
        secretsUpdatedAt: sql`now()`,
        updatedBy: actor.type === "user" ? actor.id : null,
        updatedAt: sql`now()`,
        lastTestOutcome: null,
        lastTestMessage: null,
        lastTestedAt: null,
      })
      .where(byOrganizationAndId(organizationId, current.id))
      .returning(credentialColumns);
    if (!updated) throw new Error("locked outbound credential vanished");
    const replaced: SecretField[] = [];
    if (values.apiKey !== undefined) replaced.push("apiKey");
    if (values.clientSecret !== undefined) replaced.push("clientSecret");
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "outbound_credential.secret_replaced",
      targetType: CREDENTIAL_TARGET_TYPE,
      targetId: updated.id,
      details: { name: updated.name, replaced },
    });
    return updated;
  });
}
