import { and, eq, isNull, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endUserConsoleSessions } from "@/lib/auth/console-sessions";
import type { Transaction } from "@/lib/db/client";
import { legacyApiKeys, personalTokens, users } from "@/lib/db/schema";

/** Who acts, and in which organization: the context of every user command. */
export interface UserCommandContext {
  organizationId: string;
  actor: AuditActor;
}

/** What deactivation took away; reactivation gives none of it back. */
export interface RevokedAccess {
  sessionsEnded: number;
  personalTokensRevoked: number;
  legacyKeyRevoked: boolean;
}

export type DeactivationResult =
  | { outcome: "deactivated"; email: string; revoked: RevokedAccess }
  | { outcome: "already_inactive" }
  | { outcome: "missing" };

/**
 * Ends everything a deactivated user could still use: their console sessions, personal
 * tokens (revoked, never to work again) and legacy key (deleted). Each revoked credential is
 * audited in the caller's transaction. Repeating it finds nothing left to revoke.
 */
export async function revokeAccessOfDeactivatedUser(
  tx: Transaction,
  context: UserCommandContext,
  userId: string,
): Promise<RevokedAccess> {
  const { organizationId, actor } = context;
  const [user] = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  if (!user) return { sessionsEnded: 0, personalTokensRevoked: 0, legacyKeyRevoked: false };
  const sessionsEnded = await endUserConsoleSessions(tx, organizationId, user.id, "user_deactivated");
  const tokens = await tx
    .update(personalTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(personalTokens.organizationId, organizationId),
        eq(personalTokens.userId, user.id),
        isNull(personalTokens.revokedAt),
      ),
    )
    .returning({ id: personalTokens.id, name: personalTokens.name });
  for (const token of tokens) {
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "personal_token.revoked",
      targetType: "personal_token",
      targetId: token.id,
      details: { name: token.name, owner: user.email, reason: "owner_deactivated" },
    });
  }
  const [legacyKey] = await tx
    .delete(legacyApiKeys)
    .where(and(eq(legacyApiKeys.organizationId, organizationId), eq(legacyApiKeys.userId, user.id)))
    .returning({ id: legacyApiKeys.id });
  if (legacyKey) {
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "legacy_key.revoked",
      targetType: "legacy_key",
      targetId: legacyKey.id,
      details: { owner: user.email, reason: "owner_deactivated" },
    });
  }
  return { sessionsEnded, personalTokensRevoked: tokens.length, legacyKeyRevoked: Boolean(legacyKey) };
}

/**
 * Deactivates a user of the organization: they can no longer sign in, their session version
 * moves on (Basic credentials cached by any process lapse), and their sessions, tokens and
 * legacy key are revoked, all in the caller's transaction. The console and the Users API
 * (DELETE) both come here; each surface records the `user.deactivated` event itself.
 */
export async function deactivateUser(
  tx: Transaction,
  context: UserCommandContext,
  userId: string,
): Promise<DeactivationResult> {
  const inOrganization = and(eq(users.organizationId, context.organizationId), eq(users.id, userId));
  const [user] = await tx
    .update(users)
    .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(and(inOrganization, eq(users.active, true)))
    .returning({ id: users.id, email: users.email });
  if (!user) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(inOrganization).limit(1);
    return existing ? { outcome: "already_inactive" } : { outcome: "missing" };
  }
  const revoked = await revokeAccessOfDeactivatedUser(tx, context, user.id);
  return { outcome: "deactivated", email: user.email, revoked };
}
