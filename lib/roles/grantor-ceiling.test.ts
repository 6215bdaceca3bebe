import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";
import { FULL_GRID } from "@/lib/permissions/grid";
import { auditEventsOf } from "@/lib/testing/client-test-support";
import { createTestOrganization, createTestUser } from "@/lib/testing/factories";
import { createTenantWithDeputy, DEPUTY_GRID } from "@/lib/testing/grantor-test-support";
import { changeUserRole, createUser } from "@/lib/users/user-commands";
import { loadGrantCeiling } from "./grant-ceiling";
import { SITE_ADMINISTRATOR_ONLY } from "./role-assignment";
import { createRole, updateRole } from "./role-commands";
import { findRole } from "./role-queries";

const role = { description: "", restApiEnabled: true, consoleAdmin: false };

async function roleCount(organizationId: string) {
  const [row] = await (await getDb())
    .select({ value: count() })
    .from(roles)
    .where(eq(roles.organizationId, organizationId));
  return row?.value ?? 0;
}

describe("the grantor's ceiling", () => {
  it("is everything for a Site Administrator and Latchkey itself, the role's grid otherwise, nothing for others", async () => {
    const tenant = await createTenantWithDeputy();
    const db = await getDb();
    const elsewhere = await createTestOrganization();
    const inactive = await createTestUser(tenant.organizationId, tenant.deputyRole.id, "gone");
    await db.update(users).set({ active: false }).where(eq(users.id, inactive.id));
    const asUser = (id: string) => ({ type: "user" as const, id, label: "x", ip: null });
    expect(await loadGrantCeiling(db, tenant.organizationId, tenant.actor)).toEqual({ unlimited: true });
    expect(await loadGrantCeiling(db, tenant.organizationId, SYSTEM_ACTOR)).toEqual({ unlimited: true });
    expect(await loadGrantCeiling(db, tenant.organizationId, tenant.deputyActor)).toEqual({
      unlimited: false,
      scopes: DEPUTY_GRID,
    });
    for (const actor of [
      asUser(inactive.id),
      asUser(elsewhere.admin.id), // another organization's Site Administrator
      { type: "client" as const, id: null, label: "client", ip: null },
    ]) {
      expect(await loadGrantCeiling(db, tenant.organizationId, actor)).toEqual({
        unlimited: false,
        scopes: [],
      });
    }
  });
});

describe("roles within the grantor's ceiling", () => {
  it("refuses to create a role with a permission the administrator lacks, and writes nothing", async () => {
    const { organizationId, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const before = await roleCount(organizationId);
    await expect(
      createRole(db, organizationId, deputyActor, {
        ...role,
        name: "Too much",
        permissions: ["cases:read", "cases:delete", "evidence:download"],
      }),
    ).rejects.toMatchObject({
      field: "permissions",
      message:
        "You can grant only permissions your own role holds; it does not hold Cases delete, Evidence download.",
    });
    expect(await roleCount(organizationId)).toBe(before);
    expect((await auditEventsOf(organizationId)).map((event) => event.action)).toEqual([]);
  });

  it("lets the administrator create a console administrator role within their own permissions", async () => {
    const { organizationId, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const { id } = await createRole(db, organizationId, deputyActor, {
      ...role,
      name: "Desk lead",
      consoleAdmin: true,
      permissions: ["cases:read"],
    });
    expect(await findRole(db, organizationId, id)).toMatchObject({
      consoleAdmin: true,
      permissions: ["cases:read"],
    });
  });

  it("keeps cells the administrator does not hold as they are: no granting, no removing", async () => {
    const { organizationId, actor, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const { id } = await createRole(db, organizationId, actor, {
      ...role,
      name: "Supervisor",
      permissions: ["cases:read", "cases:delete"],
    });
    const edit = (changes: Partial<Parameters<typeof updateRole>[3]>) =>
      updateRole(db, organizationId, deputyActor, {
        ...role,
        name: "Supervisor",
        roleId: id,
        permissions: ["cases:read", "cases:delete"],
        ...changes,
      });

    // Cells within the ceiling change; the locked cell (cases:delete) comes back as it was.
    await edit({ permissions: ["cases:create", "cases:delete"] });
    expect((await findRole(db, organizationId, id))?.permissions).toEqual(["cases:create", "cases:delete"]);

    const refusals: Array<[Partial<Parameters<typeof updateRole>[3]>, string, string]> = [
      [
        { permissions: ["cases:create"] },
        "permissions",
        "Your role does not hold Cases delete: only an administrator who does can remove it.",
      ],
      [
        { permissions: ["cases:create", "cases:delete", "cases:update"] },
        "permissions",
        "You can grant only permissions your own role holds; it does not hold Cases update.",
      ],
      [
        { permissions: ["cases:create", "cases:delete"], consoleAdmin: true },
        "consoleAdmin",
        'This role holds Cases delete, which your role does not: only an administrator who holds them can change "Console administrator".',
      ],
      [
        { permissions: ["cases:create", "cases:delete"], restApiEnabled: false },
        "restApiEnabled",
        'This role holds Cases delete, which your role does not: only an administrator who holds them can change "REST API enabled".',
      ],
    ];
    for (const [changes, field, message] of refusals) {
      await expect(edit(changes)).rejects.toMatchObject({ field, message });
    }
    expect(await findRole(db, organizationId, id)).toMatchObject({
      permissions: ["cases:create", "cases:delete"],
      consoleAdmin: false,
      restApiEnabled: true,
    });
    // The name and description of such a role remain the administrator's to edit.
    await edit({ permissions: ["cases:create", "cases:delete"], name: "Senior supervisor" });
    expect((await findRole(db, organizationId, id))?.name).toBe("Senior supervisor");
    // A Site Administrator changes everything.
    await updateRole(db, organizationId, actor, {
      ...role,
      name: "Senior supervisor",
      roleId: id,
      consoleAdmin: true,
      permissions: FULL_GRID,
    });
    expect((await findRole(db, organizationId, id))?.permissions).toEqual(FULL_GRID);
  });

  it("lets the administrator describe the Site Administrator role but change nothing else of it", async () => {
    const { organizationId, adminRole, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const builtIn = { name: adminRole.name, restApiEnabled: true, consoleAdmin: true, roleId: adminRole.id };
    await updateRole(db, organizationId, deputyActor, {
      ...builtIn,
      description: "Runs everything",
      permissions: FULL_GRID,
    });
    expect((await findRole(db, organizationId, adminRole.id))?.description).toBe("Runs everything");
  });
});

describe("user roles within the grantor's ceiling", () => {
  async function setUp() {
    const tenant = await createTenantWithDeputy();
    const db = await getDb();
    const [clerk] = await db
      .insert(roles)
      .values({ organizationId: tenant.organizationId, name: "Clerk", permissions: ["cases:read"] })
      .returning();
    const [supervisor] = await db
      .insert(roles)
      .values({ organizationId: tenant.organizationId, name: "Supervisor", permissions: ["cases:delete"] })
      .returning();
    if (!clerk || !supervisor) throw new Error("roles not created");
    return { ...tenant, db, clerk, supervisor };
  }
  const newUser = (roleId: string) => ({
    name: "New Person",
    email: `new-${Math.random().toString(36).slice(2, 10)}@example.test`,
    password: "a-long-enough-password",
    roleId,
  });

  it.each([
    ["Site Administrator", (t: Awaited<ReturnType<typeof setUp>>) => t.adminRole.id, SITE_ADMINISTRATOR_ONLY],
    [
      "a role holding a permission the administrator lacks",
      (t: Awaited<ReturnType<typeof setUp>>) => t.supervisor.id,
      "The role Supervisor holds Cases delete, which your role does not: only an administrator who holds them can give or take this role.",
    ],
  ])("refuses to create a user with %s, and writes nothing", async (_label, roleOf, message) => {
    const tenant = await setUp();
    const before = (
      await tenant.db.select().from(users).where(eq(users.organizationId, tenant.organizationId))
    ).length;
    await expect(
      createUser(tenant.db, tenant.deputyConsoleUser, newUser(roleOf(tenant))),
    ).rejects.toMatchObject({
      field: "roleId",
      message,
    });
    const after = await tenant.db.select().from(users).where(eq(users.organizationId, tenant.organizationId));
    expect(after).toHaveLength(before);
  });

  it("gives and takes roles within the ceiling only, and never the administrator's own", async () => {
    const { db, deputyConsoleUser, deputy, member, admin, clerk, adminRole, supervisor } = await setUp();
    await createUser(db, deputyConsoleUser, newUser(clerk.id));
    await changeUserRole(db, deputyConsoleUser, { userId: member.id, roleId: clerk.id });
    const roleOf = async (id: string) =>
      (await db.select({ roleId: users.roleId }).from(users).where(eq(users.id, id)))[0]?.roleId;
    expect(await roleOf(member.id)).toBe(clerk.id);

    const refusals: Array<[{ userId: string; roleId: string }, Record<string, string>]> = [
      [
        { userId: member.id, roleId: adminRole.id },
        { field: "roleId", message: SITE_ADMINISTRATOR_ONLY },
      ],
      [{ userId: member.id, roleId: supervisor.id }, { field: "roleId" }],
      // Demoting the Site Administrator is giving and taking it.
      [
        { userId: admin.id, roleId: clerk.id },
        { field: "roleId", message: SITE_ADMINISTRATOR_ONLY },
      ],
      [{ userId: deputy.id, roleId: clerk.id }, { message: "You cannot change your own role." }],
    ];
    for (const [input, error] of refusals) {
      await expect(changeUserRole(db, deputyConsoleUser, input)).rejects.toMatchObject(error);
    }
    expect(await roleOf(member.id)).toBe(clerk.id);
    expect(await roleOf(admin.id)).toBe(adminRole.id);
  });
});
