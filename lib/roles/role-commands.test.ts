import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { FULL_GRID } from "@/lib/permissions/grid";
import { auditEventsOf, createClientTestTenant } from "@/lib/testing/client-test-support";
import { createTestUser } from "@/lib/testing/factories";
import { createRole, deleteRole, updateRole } from "./role-commands";
import { findRole } from "./role-queries";

const fields = { name: "Auditor", description: "Reads cases", restApiEnabled: true, consoleAdmin: false };

describe("roles", () => {
  it("are created holding nothing unless granted, and audited", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    const { id } = await createRole(db, tenant.organizationId, tenant.actor, { name: "Empty" });
    expect(await findRole(db, tenant.organizationId, id)).toMatchObject({
      permissions: [],
      restApiEnabled: false,
      consoleAdmin: false,
    });
    await expect(
      createRole(db, tenant.organizationId, tenant.actor, { name: "Empty" }),
    ).rejects.toMatchObject({
      field: "name",
      message: "A role with this name already exists",
    });
    await expect(createRole(db, tenant.organizationId, tenant.actor, { name: "  " })).rejects.toThrow();
    const created = (await auditEventsOf(tenant.organizationId)).filter(
      (event) => event.action === "role.created",
    );
    expect(created).toHaveLength(1);
  });

  it("record a permission diff when edited", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    const { id } = await createRole(db, tenant.organizationId, tenant.actor, {
      ...fields,
      permissions: ["cases:read", "devices:read"],
    });
    await updateRole(db, tenant.organizationId, tenant.actor, {
      ...fields,
      roleId: id,
      restApiEnabled: false,
      permissions: ["cases:read", "evidence:read"],
    });
    const [event] = (await auditEventsOf(tenant.organizationId)).filter(
      (candidate) => candidate.action === "role.updated",
    );
    expect(event?.details).toMatchObject({
      granted: ["evidence:read"],
      revoked: ["devices:read"],
      restApiEnabled: { from: true, to: false },
    });
  });

  it("cannot be deleted while users hold them, and say how many", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    await createTestUser(tenant.organizationId, tenant.memberRole.id, "second");
    await expect(
      deleteRole(db, tenant.organizationId, tenant.actor, { roleId: tenant.memberRole.id }),
    ).rejects.toThrow("2 users hold the role Investigator. Give them another role before deleting it.");
    const { id } = await createRole(db, tenant.organizationId, tenant.actor, fields);
    await deleteRole(db, tenant.organizationId, tenant.actor, { roleId: id });
    expect(await findRole(db, tenant.organizationId, id)).toBeNull();
  });

  it("of another organization cannot be touched", async () => {
    const tenant = await createClientTestTenant();
    const other = await createClientTestTenant();
    const db = await getDb();
    await expect(
      updateRole(db, tenant.organizationId, tenant.actor, { ...fields, roleId: other.memberRole.id }),
    ).rejects.toThrow("That role does not exist in your organization.");
    await expect(
      deleteRole(db, tenant.organizationId, tenant.actor, { roleId: other.memberRole.id }),
    ).rejects.toThrow("That role does not exist");
  });

  it("keep Site Administrator whole: every right, its name, and undeletable", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    const roleId = tenant.adminRole.id;
    const whole = {
      roleId,
      name: "Site Administrator",
      restApiEnabled: true,
      consoleAdmin: true,
      permissions: FULL_GRID,
    };
    for (const change of [
      { permissions: FULL_GRID.slice(1) },
      { restApiEnabled: false },
      { consoleAdmin: false },
      { name: "Former admin" },
    ]) {
      await expect(
        updateRole(db, tenant.organizationId, tenant.actor, { ...whole, ...change }),
      ).rejects.toThrow();
    }
    await updateRole(db, tenant.organizationId, tenant.actor, { ...whole, description: "Everything" });
    expect((await findRole(db, tenant.organizationId, roleId))?.description).toBe("Everything");
    await expect(deleteRole(db, tenant.organizationId, tenant.actor, { roleId })).rejects.toThrow(
      "cannot be deleted",
    );
  });

  it("cannot lose console administration while the acting administrator holds them", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    const { id } = await createRole(db, tenant.organizationId, tenant.actor, {
      ...fields,
      consoleAdmin: true,
    });
    const deputy = await createTestUser(tenant.organizationId, id, "deputy");
    const actor = { ...tenant.actor, id: deputy.id, label: deputy.email };
    await expect(
      updateRole(db, tenant.organizationId, actor, { ...fields, roleId: id, consoleAdmin: false }),
    ).rejects.toMatchObject({ field: "consoleAdmin" });
  });
});
