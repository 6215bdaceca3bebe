import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets, auditEvents } from "@/lib/db/schema";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { recordLapsedSecretGraces } from "./record-lapsed-secret-graces";

async function lapse(secretId: string) {
  const db = await getDb();
  await db
    .update(apiClientSecrets)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(apiClientSecrets.id, secretId));
}

async function expiredEventsOf(organizationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.action, "api_client.old_secret_expired"),
      ),
    );
}

describe("recordLapsedSecretGraces", () => {
  it("records each grace period that ended once, in the client's organization, never the secret", async () => {
    const tenant = await createTenantWithClient();
    const other = await createTenantWithClient();
    const db = await getDb();
    const rotated = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: tenant.client.clientId,
      grace: "24h",
    });
    if (!rotated) throw new Error("not rotated");
    const graced = (
      await db.select().from(apiClientSecrets).where(eq(apiClientSecrets.apiClientId, tenant.client.id))
    ).find((secret) => secret.expiresAt !== null);
    if (!graced) throw new Error("no old secret");
    // Still in its grace period: nothing to record.
    await recordLapsedSecretGraces(db);
    expect(await expiredEventsOf(tenant.organizationId)).toEqual([]);

    await lapse(graced.id);
    // Two processes looking at once record it once between them.
    await Promise.all([recordLapsedSecretGraces(db), recordLapsedSecretGraces(db)]);
    await recordLapsedSecretGraces(db);
    const events = await expiredEventsOf(tenant.organizationId);
    expect(events).toMatchObject([
      {
        actorType: "system",
        targetType: "api_client",
        targetId: tenant.client.clientId,
        outcome: "success",
        details: { name: tenant.client.name, secretId: graced.id, expiredAt: expect.any(String) },
      },
    ]);
    const serialized = JSON.stringify(events);
    for (const secret of [tenant.secret, rotated.secret, graced.secretHash, graced.displayPrefix]) {
      expect(serialized).not.toContain(secret);
    }
    expect(await expiredEventsOf(other.organizationId)).toEqual([]);
    // It belongs to the client's history (its lifecycle, not its traffic).
    const history = await listAuditEventsForTarget(db, tenant.organizationId, {
      type: "api_client",
      id: tenant.client.clientId,
    });
    expect(history[0]?.action).toBe("api_client.old_secret_expired");
  });

  it("does not record a secret stopped early or revoked by a rotation as expired", async () => {
    const tenant = await createTenantWithClient();
    const db = await getDb();
    await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: tenant.client.clientId,
      grace: "none",
    });
    const [revoked] = (
      await db.select().from(apiClientSecrets).where(eq(apiClientSecrets.apiClientId, tenant.client.id))
    ).filter((secret) => secret.revokedAt !== null);
    if (!revoked) throw new Error("no revoked secret");
    await lapse(revoked.id);
    await recordLapsedSecretGraces(db);
    expect(await expiredEventsOf(tenant.organizationId)).toEqual([]);
  });
});
