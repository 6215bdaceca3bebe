import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { changeUserRole, setUserActive } from "@/lib/users/user-commands";
import { changeUserRoleSchema, userIdSchema } from "@/lib/users/user-schemas";
import { loadConsoleUser } from "./console-user";
import { NOT_AN_ADMIN, runAdminAction, SESSION_ENDED } from "./run-admin-action";

const claimsOf = (user: { id: string; sessionVersion: number }) => signedInClaims(user, "192.0.2.10");

async function roleOf(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ roleId: users.roleId }).from(users).where(eq(users.id, userId));
  return row?.roleId;
}

describe("runAdminAction", () => {
  it("refuses a caller without a session", async () => {
    const result = await runAdminAction(null, userIdSchema, {}, async () => "ran");
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: SESSION_ENDED });
  });

  it("refuses a member who is not a console administrator and changes nothing", async () => {
    const { member, admin, adminRole } = await createTestOrganization();
    let ran = false;
    const result = await runAdminAction(
      await claimsOf(member),
      changeUserRoleSchema,
      { userId: admin.id, roleId: adminRole.id },
      async () => {
        ran = true;
      },
    );
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: NOT_AN_ADMIN });
    expect(ran).toBe(false);
  });

  it("refuses a session whose version was revoked (deactivation ends sessions)", async () => {
    const { admin, member } = await createTestOrganization();
    const adminUser = await loadConsoleUser(await claimsOf(admin));
    if (!adminUser) throw new Error("admin not loaded");
    const memberClaims = await claimsOf(member);
    expect(await loadConsoleUser(memberClaims)).not.toBeNull();
    await setUserActive(await getDb(), adminUser, member.id, false);
    expect(await loadConsoleUser(memberClaims)).toBeNull();
    // Reactivation does not revive the old session: its version has moved on.
    await setUserActive(await getDb(), adminUser, member.id, true);
    expect(await loadConsoleUser(memberClaims)).toBeNull();
  });

  it("gives another organization's admin not-found for this organization's users and changes nothing", async () => {
    const home = await createTestOrganization();
    const other = await createTestOrganization();
    const before = await roleOf(home.member.id);
    const result = await runAdminAction(
      await claimsOf(other.admin),
      changeUserRoleSchema,
      { userId: home.member.id, roleId: other.adminRole.id },
      async (admin, values) => changeUserRole(await getDb(), admin, values),
    );
    expect(result.ok).toBe(false);
    expect(result.formError).toBe("That user does not exist in your organization.");
    expect(await roleOf(home.member.id)).toBe(before);

    const deactivate = await runAdminAction(
      await claimsOf(other.admin),
      userIdSchema,
      { userId: home.member.id },
      async (admin, values) => setUserActive(await getDb(), admin, values.userId, false),
    );
    expect(deactivate.formError).toBe("That user does not exist in your organization.");
    const db = await getDb();
    const [member] = await db
      .select({ active: users.active })
      .from(users)
      .where(eq(users.id, home.member.id));
    expect(member?.active).toBe(true);
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, home.organization.id));
    expect(events).toHaveLength(0);
  });

  it("refuses a role from another organization", async () => {
    const home = await createTestOrganization();
    const other = await createTestOrganization();
    const result = await runAdminAction(
      await claimsOf(home.admin),
      changeUserRoleSchema,
      { userId: home.member.id, roleId: other.adminRole.id },
      async (admin, values) => changeUserRole(await getDb(), admin, values),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { roleId: "Choose a role" } });
    expect(await roleOf(home.member.id)).toBe(home.memberRole.id);
  });

  it("lets an admin change a role in their organization and audits it", async () => {
    const home = await createTestOrganization();
    const result = await runAdminAction(
      await claimsOf(home.admin),
      changeUserRoleSchema,
      { userId: home.member.id, roleId: home.adminRole.id },
      async (admin, values) => changeUserRole(await getDb(), admin, values),
    );
    expect(result.ok).toBe(true);
    expect(await roleOf(home.member.id)).toBe(home.adminRole.id);
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, home.organization.id));
    expect(event).toMatchObject({
      action: "user.role_changed",
      actorId: home.admin.id,
      ip: "192.0.2.10",
      targetId: home.member.id,
      details: { from: "Investigator", to: "Site Administrator" },
    });
  });

  it("rejects invalid input with field errors before running", async () => {
    const home = await createTestOrganization();
    let ran = false;
    const result = await runAdminAction(
      await claimsOf(home.admin),
      changeUserRoleSchema,
      { userId: "1; drop table users", roleId: "" },
      async () => {
        ran = true;
      },
    );
    expect(result).toEqual({
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: { userId: "Unknown user", roleId: "Choose a role" },
    });
    expect(ran).toBe(false);
  });
});
