import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import { describeScopes, loadGrantCeiling, scopesBeyond } from "@/lib/roles/grant-ceiling";
import { RotationBeyondYourRoleError, SecretAlreadyRotatedError } from "./client-errors";
import { CLIENT_TARGET_TYPE, type ClientRecord } from "./client-record";
import { type RotateClientSecretInput, type RotationGrace, rotateClientSecretSchema } from "./client-schemas";
import { issueClientSecret } from "./client-secret-issuance";
import { lockClientForUpdate } from "./find-client";
import { liveSecretCondition } from "./live-client-secret";

/** PostgreSQL intervals of the grace periods; "none" revokes the old secret at once. */
const GRACE_INTERVALS: Record<RotationGrace, string | null> = {
  none: null,
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
};

export interface RotatedClientSecret {
  client: ClientRecord;
  /** The new plaintext secret: show it once, then it exists only as a hash. */
  secret: string;
  /** When the previous secret stops working; null when it stopped at once or there was none. */
  previousSecretExpiresAt: Date | null;
}

/**
 * Issues a new secret; the previous current secret keeps working for the chosen grace period
 * and any older live secret is revoked, so a client never has more than two live secrets.
 * Access tokens obtained with a revoked secret stop working with it (token-state.ts).
 *
 * The rotation names the secret it replaces: the client row is locked first, so a second
 * submission of the same form at the same moment waits, then finds the first one's secret
 * current (READ COMMITTED takes a new snapshot per statement) and is refused with
 * SecretAlreadyRotatedError, writing nothing. An administrator whose role lacks some of the
 * client's permissions cannot rotate (the new secret would give them those rights). Returns null when the organization has no such
 * client.
 */
export async function rotateClientSecret(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: RotateClientSecretInput,
): Promise<RotatedClientSecret | null> {
  const values = rotateClientSecretSchema.parse(input);
  return executor.transaction(async (tx) => {
    const client = await lockClientForUpdate(tx, organizationId, values.clientId);
    if (!client) return null;
    // The new secret is shown to whoever rotates: it must not give them rights they lack.
    const beyond = scopesBeyond(await loadGrantCeiling(tx, organizationId, actor), client.permissions);
    if (beyond.length > 0) throw new RotationBeyondYourRoleError(describeScopes(beyond));
    // The current secret (no expiry) first, then the newest: that one is kept for the grace.
    const live = await tx
      .select({ id: apiClientSecrets.id, expiresAt: apiClientSecrets.expiresAt })
      .from(apiClientSecrets)
      .where(
        and(
          eq(apiClientSecrets.organizationId, organizationId),
          eq(apiClientSecrets.apiClientId, client.id),
          liveSecretCondition(),
        ),
      )
      .orderBy(
        sql`${apiClientSecrets.expiresAt} desc nulls first`,
        desc(apiClientSecrets.createdAt),
        desc(apiClientSecrets.id),
      );
    const current = live.find((row) => row.expiresAt === null)?.id ?? null;
    if (current !== values.replacesSecretId) throw new SecretAlreadyRotatedError();
    const [previous, ...older] = live;
    const interval = GRACE_INTERVALS[values.grace];
    const toRevoke = [...older, ...(previous && interval === null ? [previous] : [])].map((row) => row.id);
    if (toRevoke.length > 0) {
      await tx
        .update(apiClientSecrets)
        .set({ revokedAt: sql`now()` })
        .where(
          and(eq(apiClientSecrets.organizationId, organizationId), inArray(apiClientSecrets.id, toRevoke)),
        );
    }
    let previousSecretExpiresAt: Date | null = null;
    if (previous && interval !== null) {
      // least(): a rotation never lengthens a grace period that is already running.
      const [graced] = await tx
        .update(apiClientSecrets)
        .set({
          expiresAt: sql`least(coalesce(${apiClientSecrets.expiresAt}, 'infinity'), now() + ${interval}::interval)`,
        })
        .where(and(eq(apiClientSecrets.organizationId, organizationId), eq(apiClientSecrets.id, previous.id)))
        .returning({ expiresAt: apiClientSecrets.expiresAt });
      previousSecretExpiresAt = graced?.expiresAt ?? null;
    }
    const secret = await issueClientSecret(tx, organizationId, client.id);
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "api_client.secret_rotated",
      targetType: CLIENT_TARGET_TYPE,
      targetId: client.clientId,
      details: {
        name: client.name,
        grace: values.grace,
        previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null,
        secretsRevoked: toRevoke.length,
      },
    });
    return { client, secret, previousSecretExpiresAt };
  });
}
