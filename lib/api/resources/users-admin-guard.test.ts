import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { callApi, callerFor, countRows, createApiTestTenant } from "@/lib/testing/api-test-support";
import { CONSOLE_ADMINS_IN_CONSOLE_ONLY } from "./users";

async function userRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

describe("users API and console administrators", () => {
  it("refuses to give a console-admin role, or to change or deactivate a console administrator", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const before = await countRows("users", tenant.organizationId);

    const promote = await callApi(caller, "PATCH", `users/${tenant.member.id}`, {
      body: { role_id: tenant.adminRole.id },
    });
    expect(promote.status).toBe(403);
    expect(promote.body.detail).toBe(CONSOLE_ADMINS_IN_CONSOLE_ONLY);
    expect((await userRow(tenant.member.id))?.roleId).toBe(tenant.memberRole.id);

    const create = await callApi(caller, "POST", "users", {
      body: { name: "New Admin", email: `new-admin-${Date.now()}@example.com`, role_id: tenant.adminRole.id },
    });
    expect(create.status).toBe(403);
    expect(await countRows("users", tenant.organizationId)).toBe(before);

    const rename = await callApi(caller, "PATCH", `users/${tenant.admin.id}`, { body: { name: "Renamed" } });
    expect(rename.status).toBe(403);
    const deactivate = await callApi(caller, "DELETE", `users/${tenant.admin.id}`);
    expect(deactivate.status).toBe(403);
    expect(await userRow(tenant.admin.id)).toMatchObject({ active: true, name: tenant.admin.name });

    const ordinary = await callApi(caller, "PATCH", `users/${tenant.member.id}`, {
      body: { name: "Still Allowed" },
    });
    expect(ordinary.status).toBe(200);
    expect(ordinary.body.name).toBe("Still Allowed");
  });
});
