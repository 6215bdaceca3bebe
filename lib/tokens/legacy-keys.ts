import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { displayPrefix, generateSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { legacyApiKeys } from "@/lib/db/schema";
import { FormError } from "@/lib/forms/action-state";
import type { TokenActor } from "./token-commands";
import { assertRestApiEnabled, loadTokenOwner } from "./token-owner";

export const LEGACY_ONLY =
  "Legacy API keys can be created only while your organization is at the Legacy security level.";
export const LEGACY_KEY_EXISTS = "You already have a legacy API key. Revoke it to make a new one.";

/** The user's legacy key (never its value), or null. */
export async function findLegacyKey(executor: Executor, organizationId: string, userId: string) {
  const [key] = await executor
    .select({
      id: legacyApiKeys.id,
      displayPrefix: legacyApiKeys.displayPrefix,
      createdAt: legacyApiKeys.createdAt,
      lastUsedAt: legacyApiKeys.lastUsedAt,
    })
    .from(legacyApiKeys)
    .where(and(eq(legacyApiKeys.organizationId, organizationId), eq(legacyApiKeys.userId, userId)))
    .limit(1);
  return key ?? null;
}

/** Makes the user's one static key; only at Legacy, only with REST API on. Returns the plaintext once. */
export async function createLegacyKey(executor: Executor, actor: TokenActor): Promise<string> {
  try {
    return await executor.transaction(async (tx) => {
      const owner = await loadTokenOwner(tx, actor.organizationId, actor.userId);
      if (owner.level !== "legacy") throw new FormError(LEGACY_ONLY);
      assertRestApiEnabled(owner);
      const key = generateSecret("legacy_key");
      const [row] = await tx
        .insert(legacyApiKeys)
        .values({
          organizationId: actor.organizationId,
          userId: owner.id,
          keyHash: secretHash(key),
          displayPrefix: displayPrefix(key),
        })
        .returning({ id: legacyApiKeys.id });
      await recordAuditEvent(tx, {
        organizationId: actor.organizationId,
        actor: actor.audit,
        action: "legacy_key.created",
        targetType: "legacy_key",
        targetId: row?.id,
        details: { owner: owner.email },
      });
      return key;
    });
  } catch (error) {
    if (isUniqueViolation(error, "legacy_api_keys_user_unique")) throw new FormError(LEGACY_KEY_EXISTS);
    throw error;
  }
}

/** Deletes the user's legacy key; it stops working on the next request. */
export async function revokeLegacyKey(executor: Executor, actor: TokenActor): Promise<void> {
  await executor.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(legacyApiKeys)
      .where(
        and(eq(legacyApiKeys.organizationId, actor.organizationId), eq(legacyApiKeys.userId, actor.userId)),
      )
      .returning({ id: legacyApiKeys.id });
    if (!deleted) throw new FormError("You have no legacy API key.");
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actor: actor.audit,
      action: "legacy_key.revoked",
      targetType: "legacy_key",
      targetId: deleted.id,
      details: {},
    });
  });
}
