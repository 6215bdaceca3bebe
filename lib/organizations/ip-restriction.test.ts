import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NOT_AN_ADMIN, runAdminAction } from "@/lib/auth/run-admin-action";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizations, type Plan } from "@/lib/db/schema";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { actorOf } from "@/lib/users/user-commands";
import { IP_RESTRICTION_NOT_IN_PLAN, setIpRestriction } from "./ip-restriction";
import { setIpRestrictionSchema } from "./ip-restriction-schema";

const claimsOf = (user: { id: string; sessionVersion: number }) => signedInClaims(user, "198.51.100.4");

async function restrictionOf(organizationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ restrictApiByIp: organizations.restrictApiByIp })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.restrictApiByIp;
}

async function eventsOf(organizationId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId));
}

/** The server action as the console runs it: the admin gate, the schema, then the domain. */
async function switchAs(user: { id: string; sessionVersion: number }, input: unknown) {
  return runAdminAction(await claimsOf(user), setIpRestrictionSchema, input, async (admin, values) =>
    setIpRestriction(await getDb(), admin.organization.id, actorOf(admin), values),
  );
}

describe("setIpRestriction", () => {
  it.each<Plan>(["free", "standard"])(
    "refuses to switch it on for the %s plan and changes nothing",
    async (plan) => {
      const { organization, admin } = await createTestOrganization({ plan });
      const result = await switchAs(admin, { enabled: true });
      expect(result).toEqual({ ok: false, fieldErrors: {}, formError: IP_RESTRICTION_NOT_IN_PLAN });
      expect(await restrictionOf(organization.id)).toBe(false);
      expect(await eventsOf(organization.id)).toHaveLength(0);
    },
  );

  it("switches it on and off for an enterprise organization, auditing each change", async () => {
    const { organization, admin } = await createTestOrganization({ plan: "enterprise" });
    expect(await switchAs(admin, { enabled: true })).toEqual({ ok: true, data: { from: false, to: true } });
    expect(await restrictionOf(organization.id)).toBe(true);
    expect(await switchAs(admin, { enabled: false })).toEqual({ ok: true, data: { from: true, to: false } });
    expect(await restrictionOf(organization.id)).toBe(false);

    const events = await eventsOf(organization.id);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({
        action: "organization.ip_restriction_changed",
        actorType: "user",
        actorId: admin.id,
        actorLabel: admin.email,
        ip: "198.51.100.4",
        targetType: "organization",
        targetId: organization.id,
      });
    }
    expect(events.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        { from: false, to: true },
        { from: true, to: false },
      ]),
    );
  });

  it("writes nothing when the setting already has the requested value", async () => {
    const { organization, admin } = await createTestOrganization({ plan: "enterprise" });
    expect(await switchAs(admin, { enabled: false })).toEqual({ ok: true, data: { from: false, to: false } });
    expect(await eventsOf(organization.id)).toHaveLength(0);
  });

  it("lets an organization that left enterprise switch a restriction off", async () => {
    const { organization, admin } = await createTestOrganization({ plan: "standard" });
    const db = await getDb();
    await db
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, organization.id));
    expect(await switchAs(admin, { enabled: false })).toMatchObject({ ok: true });
    expect(await restrictionOf(organization.id)).toBe(false);
  });

  it("refuses a member who is not a console administrator", async () => {
    const { organization, member } = await createTestOrganization({ plan: "enterprise" });
    expect(await switchAs(member, { enabled: true })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: NOT_AN_ADMIN,
    });
    expect(await restrictionOf(organization.id)).toBe(false);
    expect(await eventsOf(organization.id)).toHaveLength(0);
  });

  it("rejects input that is not a boolean before touching anything", async () => {
    const { organization, admin } = await createTestOrganization({ plan: "enterprise" });
    const result = await switchAs(admin, { enabled: "yes" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { enabled: expect.any(String) } });
    expect(await restrictionOf(organization.id)).toBe(false);
  });

  it("changes only the caller's organization", async () => {
    const home = await createTestOrganization({ plan: "enterprise" });
    const other = await createTestOrganization({ plan: "enterprise" });
    await switchAs(home.admin, { enabled: true });
    expect(await restrictionOf(home.organization.id)).toBe(true);
    expect(await restrictionOf(other.organization.id)).toBe(false);
  });
});
