import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { apiClients } from "@/lib/db/schema";
import { assertGridChangeWithinCeiling, loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { DuplicateClientNameError } from "./client-errors";
import { generateClientId } from "./client-id";
import { assertAllowedIpsPresent, assertApiAccessIncluded, loadClientPolicy } from "./client-policy";
import { CLIENT_TARGET_TYPE, type ClientRecord, clientColumns, clientNameKey } from "./client-record";
import { type CreateClientInput, createClientSchema } from "./client-schemas";
import { issueClientSecret } from "./client-secret-issuance";

export interface CreatedClient {
  client: ClientRecord;
  /** The plaintext secret: show it once, then it exists only as a hash. */
  secret: string;
}

/**
 * Creates an active client that holds exactly the permissions given (none by default) and
 * its first secret, and audits it, all in one transaction. A name already taken in the
 * organization (case-insensitively) throws DuplicateClientNameError and writes nothing;
 * this is also what makes a double-clicked Save create one client. The permissions must be
 * within what the acting administrator's own role holds (grant-ceiling.ts).
 */
export async function createClient(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: CreateClientInput,
): Promise<CreatedClient> {
  const values = createClientSchema.parse(input);
  try {
    return await executor.transaction(async (tx) => {
      const policy = await loadClientPolicy(tx, organizationId);
      assertApiAccessIncluded(policy);
      assertAllowedIpsPresent(policy, values.allowedIps);
      assertGridChangeWithinCeiling(
        await loadGrantCeiling(tx, organizationId, actor),
        [],
        values.permissions,
      );
      const [client] = await tx
        .insert(apiClients)
        .values({
          organizationId,
          clientId: generateClientId(),
          name: values.name,
          nameKey: clientNameKey(values.name),
          description: values.description,
          allowedIps: values.allowedIps,
          permissions: values.permissions,
          createdBy: actor.type === "user" ? actor.id : null,
        })
        .returning(clientColumns);
      if (!client) throw new Error("api client insert returned nothing");
      const secret = await issueClientSecret(tx, organizationId, client.id);
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "api_client.created",
        targetType: CLIENT_TARGET_TYPE,
        targetId: client.clientId,
        details: {
          name: client.name,
          description: client.description,
          allowedIps: client.allowedIps,
          permissions: client.permissions,
        },
      });
      return { client, secret };
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_clients_organization_name_unique"))
      throw new DuplicateClientNameError();
    throw error;
  }
}
