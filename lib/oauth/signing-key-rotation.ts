import { eq, inArray } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/audit-action-catalogue";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database, Transaction } from "@/lib/db/client";
import { organizations, signingKeys } from "@/lib/db/schema";
import { invalidateKeyRing, newKeyPair, SIGNING_ALGORITHM } from "./signing-keys";

export class RotationTooSoonError extends Error {
  constructor(readonly safeAt: Date) {
    super(
      `Tokens signed by the previous key may still be valid until ${safeAt.toISOString()}; rotate after that, or retire the keys at once with --compromised.`,
    );
    this.name = "RotationTooSoonError";
  }
}

/** Signing keys serve the whole installation, so every organization's audit log records their changes. */
async function auditInEveryOrganization(
  tx: Transaction,
  actor: AuditActor,
  action: AuditAction,
  kid: string,
  details: Record<string, unknown>,
) {
  const everyOrganization = await tx.select({ id: organizations.id }).from(organizations);
  for (const organization of everyOrganization) {
    await recordAuditEvent(tx, {
      organizationId: organization.id,
      actor,
      action,
      targetType: "signing_key",
      targetId: kid,
      details,
    });
  }
}

/**
 * Makes a new current key. The old current key becomes the previous one and keeps verifying
 * the tokens it signed until they expire; the key before it is retired and leaves the JWKS.
 * Refused while tokens signed by that older key could still be valid, because retiring it
 * would cut them off.
 */
export async function rotateSigningKey(
  db: Database,
  actor: AuditActor,
  tokenLifetimeSeconds: number,
  now = new Date(),
): Promise<string> {
  const pair = newKeyPair();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(signingKeys)
      .where(eq(signingKeys.state, "current"))
      .for("update");
    const [previous] = await tx
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(eq(signingKeys.state, "previous"));
    if (current && previous) {
      // The previous key stopped signing when the current one was made.
      const safeAt = new Date(current.createdAt.getTime() + tokenLifetimeSeconds * 1000);
      if (safeAt > now) throw new RotationTooSoonError(safeAt);
    }
    await tx
      .update(signingKeys)
      .set({ state: "retired", retiredAt: now })
      .where(eq(signingKeys.state, "previous"));
    await tx.update(signingKeys).set({ state: "previous" }).where(eq(signingKeys.state, "current"));
    await tx.insert(signingKeys).values({ ...pair, algorithm: SIGNING_ALGORITHM, state: "current" });
    await auditInEveryOrganization(tx, actor, "signing_key.rotated", pair.kid, {
      previous: current?.kid ?? null,
      retired: previous?.kid ?? null,
    });
  });
  invalidateKeyRing();
  return pair.kid;
}

export interface CompromisedKeyReplacement {
  current: string;
  /** The keys retired at once: every token they signed is refused from now on. */
  retired: string[];
}

/**
 * For a key that may have leaked: makes a new current key and retires the current and the
 * previous key at once, whatever tokens they signed. Those tokens are refused on their next
 * use in every process (token-state.ts reads the key's state with the token's), and the keys
 * leave the JWKS; every client simply asks for a new token.
 */
export async function replaceCompromisedSigningKeys(
  db: Database,
  actor: AuditActor,
  now = new Date(),
): Promise<CompromisedKeyReplacement> {
  const pair = newKeyPair();
  const retired = await db.transaction(async (tx) => {
    const live = await tx
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(inArray(signingKeys.state, ["current", "previous"]))
      .for("update");
    const kids = live.map((row) => row.kid);
    if (kids.length > 0) {
      await tx
        .update(signingKeys)
        .set({ state: "retired", retiredAt: now })
        .where(inArray(signingKeys.kid, kids));
    }
    await tx.insert(signingKeys).values({ ...pair, algorithm: SIGNING_ALGORITHM, state: "current" });
    await auditInEveryOrganization(tx, actor, "signing_key.retired_compromised", pair.kid, {
      retired: kids,
    });
    return kids;
  });
  invalidateKeyRing();
  return { current: pair.kid, retired };
}
