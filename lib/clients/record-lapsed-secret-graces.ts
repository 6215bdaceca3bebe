import { and, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { apiClientSecrets, apiClients } from "@/lib/db/schema";
import { CLIENT_TARGET_TYPE } from "./client-record";

/**
 * Records, once each, the old secrets whose grace period has ended since the last look: a
 * secret stops working at `expires_at` by the database clock (live-client-secret.ts) with
 * nothing written then, so this marks each such secret and writes "old client secret expired"
 * in its organization's audit log, in one transaction. Secrets stopped early ("Stop now") or
 * revoked by a rotation are not expired and are audited where that happened.
 *
 * Safe in several processes at once: the marking UPDATE takes each row's lock, and a process
 * that waited for it finds the row already marked and passes it by. Returns how many it recorded.
 */
export async function recordLapsedSecretGraces(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const lapsed = await tx
      .update(apiClientSecrets)
      .set({ graceLapseRecordedAt: sql`now()` })
      .where(
        and(
          isNotNull(apiClientSecrets.expiresAt),
          lte(apiClientSecrets.expiresAt, sql`now()`),
          isNull(apiClientSecrets.revokedAt),
          isNull(apiClientSecrets.graceLapseRecordedAt),
        ),
      )
      .returning({
        id: apiClientSecrets.id,
        organizationId: apiClientSecrets.organizationId,
        apiClientId: apiClientSecrets.apiClientId,
        expiresAt: apiClientSecrets.expiresAt,
      });
    if (lapsed.length === 0) return 0;
    const clients = await tx
      .select({ id: apiClients.id, clientId: apiClients.clientId, name: apiClients.name })
      .from(apiClients)
      .where(
        inArray(
          apiClients.id,
          lapsed.map((secret) => secret.apiClientId),
        ),
      );
    const byRowId = new Map(clients.map((client) => [client.id, client]));
    for (const secret of lapsed) {
      const client = byRowId.get(secret.apiClientId);
      if (!client) continue;
      await recordAuditEvent(tx, {
        organizationId: secret.organizationId,
        actor: SYSTEM_ACTOR,
        action: "api_client.old_secret_expired",
        targetType: CLIENT_TARGET_TYPE,
        targetId: client.clientId,
        details: {
          name: client.name,
          secretId: secret.id,
          expiredAt: secret.expiresAt?.toISOString() ?? null,
        },
      });
    }
    return lapsed.length;
  });
}
