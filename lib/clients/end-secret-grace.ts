import { and, eq, isNotNull, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import { NotAnOldSecretError } from "./client-errors";
import { CLIENT_TARGET_TYPE, type ClientRecord } from "./client-record";
import { type EndSecretGraceInput, endSecretGraceSchema } from "./client-schemas";
import { lockClientForUpdate } from "./find-client";
import { liveSecretCondition } from "./live-client-secret";

/**
 * Stops an old secret before its grace period ends, once the program has switched to the new
 * one. The secret and every access token obtained with it are refused from the next request
 * on (token-state.ts). Asking again for a secret that already stopped changes nothing.
 * Returns null when the organization has no such client.
 */
export async function endSecretGrace(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: EndSecretGraceInput,
): Promise<ClientRecord | null> {
  const values = endSecretGraceSchema.parse(input);
  return executor.transaction(async (tx) => {
    const client = await lockClientForUpdate(tx, organizationId, values.clientId);
    if (!client) return null;
    const ofThisClient = and(
      eq(apiClientSecrets.organizationId, organizationId),
      eq(apiClientSecrets.apiClientId, client.id),
      eq(apiClientSecrets.id, values.secretId),
    );
    const [secret] = await tx
      .select({ expiresAt: apiClientSecrets.expiresAt })
      .from(apiClientSecrets)
      .where(and(ofThisClient, liveSecretCondition()));
    if (!secret) return client;
    if (secret.expiresAt === null) throw new NotAnOldSecretError();
    await tx
      .update(apiClientSecrets)
      .set({ revokedAt: sql`now()` })
      .where(and(ofThisClient, isNotNull(apiClientSecrets.expiresAt)));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "api_client.secret_grace_ended",
      targetType: CLIENT_TARGET_TYPE,
      targetId: client.clientId,
      details: { name: client.name, graceWasUntil: secret.expiresAt.toISOString() },
    });
    return client;
  });
}
