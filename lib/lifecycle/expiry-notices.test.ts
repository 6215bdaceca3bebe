import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizations, personalTokens, webhookMessages } from "@/lib/db/schema";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { createPersonTenant } from "@/lib/testing/person-credential-test-support";
import { createPersonalToken, renewPersonalToken, TOKEN_NOT_FOUND } from "@/lib/tokens/token-commands";
import { listExpiringCredentials } from "./expiring-credentials";
import { expiryNoticeFormSchema, thresholdFor } from "./expiry-notice-schema";
import { sendExpiryNotices, setExpiryNoticeDays } from "./expiry-notices";

const DAY = 86_400_000;

async function messagesOf(organizationId: string, type: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookMessages)
    .where(and(eq(webhookMessages.organizationId, organizationId), eq(webhookMessages.type, type)))
    .orderBy(webhookMessages.createdAt);
}

/** A tenant whose only personal token expires in `days` days (the seeded 30-day one is revoked). */
async function tenantWithTokenExpiringIn(days: number) {
  const db = await getDb();
  const tenant = await createPersonTenant();
  await db
    .update(personalTokens)
    .set({ revokedAt: new Date() })
    .where(eq(personalTokens.organizationId, tenant.organizationId));
  const issued = await createPersonalToken(db, tenant.actor, { name: "Nightly export", expiration: days });
  return { ...tenant, issued };
}

describe("expiry notices", () => {
  it("tells webhooks once per threshold as a token nears its end, whatever the passes and processes", async () => {
    const db = await getDb();
    const tenant = await tenantWithTokenExpiringIn(20);
    const start = new Date();
    // 20 days left: the 30-day notice; passes again, at once or later the same day, add nothing.
    await Promise.all([sendExpiryNotices(db, start), sendExpiryNotices(db, start)]);
    await sendExpiryNotices(db, new Date(start.getTime() + 3_600_000));
    // 6 days left: the 7-day notice; half a day left: the 1-day notice.
    await sendExpiryNotices(db, new Date(start.getTime() + 14 * DAY));
    await sendExpiryNotices(db, new Date(start.getTime() + 14 * DAY + 60_000));
    await sendExpiryNotices(db, new Date(start.getTime() + 19.5 * DAY));
    // Past its end: nothing more.
    await sendExpiryNotices(db, new Date(start.getTime() + 21 * DAY));
    const notices = await messagesOf(tenant.organizationId, "token.expiring");
    expect(notices.map((notice) => notice.data.noticeDays)).toEqual([30, 7, 1]);
    expect(notices[0]?.data).toMatchObject({
      token: { id: tenant.issued.id, name: "Nightly export", owner: tenant.person.email },
      daysLeft: 20,
    });
    expect(JSON.stringify(notices)).not.toContain(tenant.issued.token);
  });

  it("tells only the nearest threshold to a credential first seen inside several, and follows the organization's thresholds", async () => {
    const db = await getDb();
    const tenant = await tenantWithTokenExpiringIn(5);
    await setExpiryNoticeDays(db, tenant.organizationId, tenant.actor.audit, { days: [14, 3] });
    await sendExpiryNotices(db);
    expect(
      (await messagesOf(tenant.organizationId, "token.expiring")).map((notice) => notice.data.noticeDays),
    ).toEqual([14]);
    const changes = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, tenant.organizationId),
          eq(auditEvents.action, "organization.expiry_notices_changed"),
        ),
      );
    expect(changes.map((event) => event.details)).toEqual([{ from: [30, 7, 1], to: [14, 3] }]);
  });

  it("notices an old client secret in its grace period, and lists what lapses for the dashboard and its owner", async () => {
    const db = await getDb();
    const tenant = await tenantWithTokenExpiringIn(10);
    const other = await tenantWithTokenExpiringIn(10);
    await rotateCurrentSecret(db, tenant.organizationId, tenant.actor.audit, {
      clientId: tenant.client.clientId,
      grace: "7d",
    });
    await sendExpiryNotices(db);
    const secrets = await messagesOf(tenant.organizationId, "client_secret.expiring");
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.data).toMatchObject({ client: { clientId: tenant.client.clientId }, noticeDays: 7 });

    const everything = await listExpiringCredentials(db, tenant.organizationId);
    expect(everything.map((credential) => [credential.kind, credential.name])).toEqual([
      ["client_secret", tenant.client.name],
      ["token", "Nightly export"],
    ]);
    const own = await listExpiringCredentials(db, tenant.organizationId, { userId: tenant.person.id });
    expect(own.map((credential) => credential.kind)).toEqual(["token"]);
    expect(await listExpiringCredentials(db, tenant.organizationId, { userId: other.person.id })).toEqual([]);
    expect(
      (await listExpiringCredentials(db, other.organizationId)).map((credential) => credential.id),
    ).toEqual([other.issued.id]);
    // Nothing of one organization is told to another's webhooks.
    expect(await messagesOf(other.organizationId, "client_secret.expiring")).toEqual([]);
  });

  it("reads thresholds as typed, refusing anything but up to five whole days from 1 to 365", () => {
    expect(expiryNoticeFormSchema.parse({ thresholds: " 7, 30,1 , 7" })).toEqual({ days: [30, 7, 1] });
    for (const thresholds of ["", "0", "366", "7.5", "a, 7", "1,2,3,4,5,6", "7;1"]) {
      expect(expiryNoticeFormSchema.safeParse({ thresholds }).error?.issues[0]?.path).toEqual(["thresholds"]);
    }
    expect(thresholdFor(20, [30, 7, 1])).toBe(30);
    expect(thresholdFor(7, [30, 7, 1])).toBe(7);
    expect(thresholdFor(0, [30, 7, 1])).toBe(1);
    expect(thresholdFor(31, [30, 7, 1])).toBeNull();
  });
});

describe("renewing a personal token", () => {
  it("issues a successor with the same name and permissions and the default expiration; the old one keeps working", async () => {
    const db = await getDb();
    const tenant = await tenantWithTokenExpiringIn(3);
    await db
      .update(organizations)
      .set({ defaultTokenExpirationDays: 45 })
      .where(eq(organizations.id, tenant.organizationId));
    const before = Date.now();
    const renewed = await renewPersonalToken(db, tenant.actor, { tokenId: tenant.issued.id });
    expect(renewed).toMatchObject({ name: "Nightly export" });
    expect(renewed.token).toMatch(/^lk_pat_/);
    expect(renewed.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 45 * DAY);
    expect(renewed.expiresAt?.getTime()).toBeLessThan(Date.now() + 45 * DAY + 1000);
    const rows = await db.select().from(personalTokens).where(eq(personalTokens.userId, tenant.person.id));
    const old = rows.find((row) => row.id === tenant.issued.id);
    const successor = rows.find((row) => row.id === renewed.id);
    expect(old?.revokedAt).toBeNull();
    expect(successor?.scopes).toEqual(old?.scopes);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, tenant.organizationId),
          eq(auditEvents.action, "personal_token.renewed"),
        ),
      );
    expect(event?.details).toMatchObject({ name: "Nightly export", renews: tenant.issued.id });
    expect(JSON.stringify(event)).not.toContain(renewed.token);
  });

  it("renews only the caller's own live token", async () => {
    const db = await getDb();
    const tenant = await tenantWithTokenExpiringIn(3);
    const other = await tenantWithTokenExpiringIn(3);
    await expect(renewPersonalToken(db, other.actor, { tokenId: tenant.issued.id })).rejects.toMatchObject({
      message: TOKEN_NOT_FOUND,
    });
    await db
      .update(personalTokens)
      .set({ revokedAt: new Date() })
      .where(eq(personalTokens.id, tenant.issued.id));
    await expect(renewPersonalToken(db, tenant.actor, { tokenId: tenant.issued.id })).rejects.toMatchObject({
      message: TOKEN_NOT_FOUND,
    });
  });
});
