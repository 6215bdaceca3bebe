import { inspect } from "node:util";
import { type AuditActor, recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { UnreadableFieldsError } from "@/lib/encryption/field-encryption";
import type { OutboundConnectorKey } from "./connectors";
import { CredentialSecretsUnreadableError } from "./credential-errors";
import { CREDENTIAL_TARGET_TYPE } from "./credential-record";
import { openCredentialSecrets, type SecretField, secretFieldOfColumn } from "./credential-secrets";
import { byOrganizationAndId, isWellFormedCredentialId } from "./find-outbound-credential";

/** What an outbound call needs. Serializing or inspecting it shows no secret, so it cannot be logged by accident. */
export interface RevealedCredential {
  readonly credentialId: string;
  readonly connector: OutboundConnectorKey;
  readonly hostUrl: string;
  /** When the secrets were last set: recordCredentialTestResult compares it to tell a stale test. */
  readonly secretsUpdatedAt: Date;
  readonly apiKey: string;
  readonly clientSecret: string;
}

function revealed(fields: RevealedCredential): RevealedCredential {
  const safe = { ...fields, apiKey: "[redacted]", clientSecret: "[redacted]" };
  return Object.freeze({
    ...fields,
    toJSON: () => safe,
    [inspect.custom]: () => `RevealedCredential ${inspect(safe)}`,
  });
}

/**
 * The decrypted API key and client secret of a credential, for making its outbound calls
 * only: never for a page, a response or a log. Null when the organization has no such
 * credential. When a secret does not decrypt (altered, moved from another row, or sealed
 * under a key this process does not hold), the failure is audited here, once, as
 * outbound_credential.decrypt_failed, and CredentialSecretsUnreadableError (a FormError
 * the console shows as it is) is thrown. Call it outside a transaction that the error
 * would roll back, or the audit event goes with it.
 */
export async function revealCredentialSecrets(
  executor: Executor,
  organizationId: string,
  credentialId: string,
  actor: AuditActor = SYSTEM_ACTOR,
): Promise<RevealedCredential | null> {
  if (!isWellFormedCredentialId(credentialId)) return null;
  const [row] = await executor
    .select({
      id: outboundCredentials.id,
      name: outboundCredentials.name,
      connector: outboundCredentials.connector,
      hostUrl: outboundCredentials.hostUrl,
      secretsUpdatedAt: outboundCredentials.secretsUpdatedAt,
      encryptedApiKey: outboundCredentials.encryptedApiKey,
      encryptedClientSecret: outboundCredentials.encryptedClientSecret,
    })
    .from(outboundCredentials)
    .where(byOrganizationAndId(organizationId, credentialId))
    .limit(1);
  if (!row) return null;
  try {
    const secrets = await openCredentialSecrets(
      executor,
      { organizationId, rowId: row.id },
      { apiKey: row.encryptedApiKey, clientSecret: row.encryptedClientSecret },
    );
    return revealed({
      credentialId: row.id,
      connector: row.connector,
      hostUrl: row.hostUrl,
      secretsUpdatedAt: row.secretsUpdatedAt,
      ...secrets,
    });
  } catch (error) {
    if (!(error instanceof UnreadableFieldsError)) throw error;
    const failures = error.failures.map((failure) => ({
      field: secretFieldOfColumn(failure.field),
      reason: failure.reason,
    }));
    const fields = failures.map((failure) => failure.field).filter((field): field is SecretField => !!field);
    await recordAuditEvent(executor, {
      organizationId,
      actor,
      action: "outbound_credential.decrypt_failed",
      targetType: CREDENTIAL_TARGET_TYPE,
      targetId: row.id,
      outcome: "failure",
      details: { name: row.name, failures },
    });
    throw new CredentialSecretsUnreadableError(fields);
  }
}
