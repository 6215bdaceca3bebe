import { and, eq, isNull, sql } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { displayPrefix, generateSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import type { Executor } from "@/lib/db/client";
import { personalTokens, users } from "@/lib/db/schema";
import { FieldError, FormError } from "@/lib/forms/action-state";
import type { Scope } from "@/lib/permissions/catalogue";
import { FULL_GRID } from "@/lib/permissions/grid";
import { expirationChoiceRefusal, expiryOf, recreatedLifetime } from "./token-expiry";
import { assertRestApiEnabled, loadTokenOwner } from "./token-owner";
import { type CreateTokenInput, createTokenSchema, type TokenIdInput, tokenIdSchema } from "./token-schemas";

export const TOKEN_NOT_FOUND = "That token does not exist or has already been revoked.";

/** Who acts: the signed-in user (for their own tokens) or an administrator. */
export interface TokenActor {
  organizationId: string;
  userId: string;
  audit: AuditActor;
}

export interface IssuedToken {
  id: string;
  name: string;
  /** The plaintext, for the one-time modal only: never stored, logged or audited. */
  token: string;
  expiresAt: Date | null;
}

async function insertToken(
  executor: Executor,
  values: { organizationId: string; userId: string; name: string; scopes: Scope[]; expiresAt: Date | null },
): Promise<IssuedToken> {
  const token = generateSecret("personal_token");
  const [row] = await executor
    .insert(personalTokens)
    .values({ ...values, tokenHash: secretHash(token), displayPrefix: displayPrefix(token) })
    .returning({ id: personalTokens.id });
  if (!row) throw new Error("token insert returned nothing");
  return { id: row.id, name: values.name, token, expiresAt: values.expiresAt };
}

/** Creates a personal token for the acting user, within their role and the expiration policy. */
export async function createPersonalToken(
  executor: Executor,
  actor: TokenActor,
  input: CreateTokenInput,
): Promise<IssuedToken> {
  const values = createTokenSchema.parse(input);
  return executor.transaction(async (tx) => {
    const owner = await loadTokenOwner(tx, actor.organizationId, actor.userId);
    assertRestApiEnabled(owner);
    const refusal = expirationChoiceRefusal(values.expiration, owner.policy);
    if (refusal) throw new FieldError("expiration", refusal);
    let scopes: Scope[] = FULL_GRID;
    if (values.permissionMode === "custom") {
      const beyondRole = values.scopes.filter((scope) => !owner.role.permissions.includes(scope));
      if (beyondRole.length > 0) {
        throw new FieldError("scopes", `Your role does not hold ${beyondRole.join(", ")}`);
      }
      if (values.scopes.length === 0) {
        throw new FieldError("scopes", "Allow at least one permission, or choose Same as my role");
      }
      scopes = values.scopes;
    }
    const issued = await insertToken(tx, {
      organizationId: actor.organizationId,
      userId: owner.id,
      name: values.name,
      scopes,
      expiresAt: expiryOf(values.expiration),
    });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor.audit,
      action: "personal_token.created",
      targetType: "personal_token",
      targetId: issued.id,
      details: {
        name: values.name,
        owner: owner.email,
        expiresAt: issued.expiresAt?.toISOString() ?? null,
        scopes: values.permissionMode === "role" ? "role" : scopes,
      },
    });
    return issued;
  });
}

/**
 * Revokes a token at once. With `ownerOnly` the token must belong to the acting user (the
 * Integrations page); without it any token of the organization (the admin list).
 */
export async function revokePersonalToken(
  executor: Executor,
  actor: TokenActor,
  input: TokenIdInput,
  options: { ownerOnly: boolean },
): Promise<void> {
  const { tokenId } = tokenIdSchema.parse(input);
  await executor.transaction(async (tx) => {
    const [revoked] = await tx
      .update(personalTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(personalTokens.organizationId, actor.organizationId),
          eq(personalTokens.id, tokenId),
          isNull(personalTokens.revokedAt),
          options.ownerOnly ? eq(personalTokens.userId, actor.userId) : undefined,
        ),
      )
      .returning({ name: personalTokens.name, userId: personalTokens.userId });
    if (!revoked) throw new FormError(TOKEN_NOT_FOUND);
    const [owner] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.organizationId, actor.organizationId), eq(users.id, revoked.userId)));
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor.audit,
      action: "personal_token.revoked",
      targetType: "personal_token",
      targetId: tokenId,
      details: { name: revoked.name, owner: owner?.email ?? null },
    });
  });
}

/** The actor's own live token, locked for the command that replaces or renews it; not found otherwise. */
async function lockOwnLiveToken(tx: Executor, actor: TokenActor, tokenId: string) {
  const [token] = await tx
    .select()
    .from(personalTokens)
    .where(
      and(
        eq(personalTokens.organizationId, actor.organizationId),
        eq(personalTokens.id, tokenId),
        eq(personalTokens.userId, actor.userId),
        isNull(personalTokens.revokedAt),
      ),
    )
    .for("update")
    .limit(1);
  if (!token) throw new FormError(TOKEN_NOT_FOUND);
  return token;
}

/**
 * A new value with the same name and permissions and a fresh expiry (the old lifetime,
 * within today's policy); the old token is revoked in the same transaction.
 */
export async function recreatePersonalToken(
  executor: Executor,
  actor: TokenActor,
  input: TokenIdInput,
): Promise<IssuedToken> {
  const { tokenId } = tokenIdSchema.parse(input);
  return executor.transaction(async (tx) => {
    const old = await lockOwnLiveToken(tx, actor, tokenId);
    const owner = await loadTokenOwner(tx, actor.organizationId, actor.userId);
    assertRestApiEnabled(owner);
    await tx.update(personalTokens).set({ revokedAt: sql`now()` }).where(eq(personalTokens.id, old.id));
    const issued = await insertToken(tx, {
      organizationId: actor.organizationId,
      userId: owner.id,
      name: old.name,
      scopes: old.scopes,
      expiresAt: expiryOf(recreatedLifetime(old, owner.policy)),
    });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor.audit,
      action: "personal_token.recreated",
      targetType: "personal_token",
      targetId: issued.id,
      details: { name: old.name, replaces: old.id, expiresAt: issued.expiresAt?.toISOString() ?? null },
    });
    return issued;
  });
}

/**
 * "Renew": a successor with the same name and permissions and the organization's default
 * expiration (within its maximum), shown once; the old token keeps working until its own
 * expiry, so whatever uses it can move over in its own time.
 */
export async function renewPersonalToken(
  executor: Executor,
  actor: TokenActor,
  input: TokenIdInput,
): Promise<IssuedToken> {
  const { tokenId } = tokenIdSchema.parse(input);
  return executor.transaction(async (tx) => {
    const old = await lockOwnLiveToken(tx, actor, tokenId);
    const owner = await loadTokenOwner(tx, actor.organizationId, actor.userId);
    assertRestApiEnabled(owner);
    const days = Math.min(owner.policy.defaultTokenExpirationDays, owner.policy.maxTokenExpirationDays);
    const issued = await insertToken(tx, {
      organizationId: actor.organizationId,
      userId: owner.id,
      name: old.name,
      scopes: old.scopes,
      expiresAt: expiryOf(days),
    });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor.audit,
      action: "personal_token.renewed",
      targetType: "personal_token",
      targetId: issued.id,
      details: {
        name: old.name,
        renews: old.id,
        previousExpiresAt: old.expiresAt?.toISOString() ?? null,
        expiresAt: issued.expiresAt?.toISOString() ?? null,
      },
    });
    return issued;
  });
}
