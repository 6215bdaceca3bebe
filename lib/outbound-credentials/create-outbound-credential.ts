import { randomUUID } from "node:crypto";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { outboundCredentials } from "@/lib/db/schema";
import { apiKeyHint } from "./api-key-hint";
import { DuplicateCredentialNameError } from "./credential-errors";
import {
  CREDENTIAL_NAME_UNIQUE,
  CREDENTIAL_TARGET_TYPE,
  credentialColumns,
  credentialNameKey,
  type OutboundCredentialRecord,
} from "./credential-record";
import { type CreateOutboundCredentialInput, outboundCredentialSchemas } from "./credential-schemas";
import { sealCredentialSecrets } from "./credential-secrets";
import { assertHostUrlAllowed, type HostUrlGuard } from "./host-url-check";

/**
 * Saves a new credential of the organization: its secrets sealed under the organization's
 * data key, the first and last characters of the API key kept for display, and an audit
 * event without either secret, in one transaction. The host URL passes the guard's network
 * check first (before any transaction: it resolves names). A name already taken in the
 * organization (case-insensitively) throws DuplicateCredentialNameError and writes nothing.
 */
export async function createOutboundCredential(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: CreateOutboundCredentialInput,
  guard: HostUrlGuard,
): Promise<OutboundCredentialRecord> {
  const values = outboundCredentialSchemas(guard).create.parse(input);
  await assertHostUrlAllowed(guard, values.hostUrl);
  const id = randomUUID();
  const hint = apiKeyHint(values.apiKey);
  const by = actor.type === "user" ? actor.id : null;
  try {
    return await executor.transaction(async (tx) => {
      const sealed = await sealCredentialSecrets(
        tx,
        { organizationId, rowId: id },
        { apiKey: values.apiKey, clientSecret: values.clientSecret },
      );
      if (sealed.apiKey === undefined || sealed.clientSecret === undefined)
        throw new Error("credential secrets were not sealed");
      const [credential] = await tx
        .insert(outboundCredentials)
        .values({
          id,
          organizationId,
          connector: values.connector,
          name: values.name,
          nameKey: credentialNameKey(values.name),
          description: values.description,
          hostUrl: values.hostUrl,
          encryptedApiKey: sealed.apiKey,
          encryptedClientSecret: sealed.clientSecret,
          apiKeyStart: hint.start,
          apiKeyEnd: hint.end,
          createdBy: by,
          updatedBy: by,
        })
        .returning(credentialColumns);
      if (!credential) throw new Error("outbound credential insert returned nothing");
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "outbound_credential.created",
        targetType: CREDENTIAL_TARGET_TYPE,
        targetId: credential.id,
        details: {
          name: credential.name,
          connector: credential.connector,
          description: credential.description,
          hostUrl: credential.hostUrl,
        },
      });
      return credential;
    });
  } catch (error) {
    if (isUniqueViolation(error, CREDENTIAL_NAME_UNIQUE)) throw new DuplicateCredentialNameError();
    throw error;
  }
}
