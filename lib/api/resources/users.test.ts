import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { auditEventsOf, callApi, callerFor, createApiTestTenant } from "@/lib/testing/api-test-support";

async function sessionVersionOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row?.version;
}

describe("users API", () => {
  it("never sends a password hash, session version or organization", async () => {
    const tenant = await createApiTestTenant();
    const db = await getDb();
    await db.update(users).set({ passwordHash: "$argon2id$secret" }).where(eq(users.id, tenant.admin.id));
    const caller = callerFor(tenant.organizationId);
    const listed = await callApi(caller, "GET", "users");
    const fetched = await callApi(caller, "GET", `users/${tenant.admin.id}`);
    for (const text of [JSON.stringify(listed.body), JSON.stringify(fetched.body)]) {
      expect(text).not.toMatch(/password|argon2|session_version|organization_id/);
    }
    expect(Object.keys(fetched.body).sort()).toEqual(
      ["active", "created_at", "email", "id", "last_sign_in_at", "name", "role_id", "updated_at"].sort(),
    );
  });

  it("refuses a password or session version in a body", async () => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "PATCH", `users/${tenant.member.id}`, {
      body: { password_hash: "x", session_version: 0, password: "hunter22hunter22" },
    });
    expect(result.status).toBe(422);
    expect(result.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      "#/password_hash",
      "#/session_version",
      "#/password",
    ]);
  });

  it("DELETE deactivates once, ends sessions, and is idempotent", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const before = await sessionVersionOf(tenant.member.id);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await callApi(caller, "DELETE", `users/${tenant.member.id}`);
      expect(result.status).toBe(204);
    }
    expect(await sessionVersionOf(tenant.member.id)).toBe((before ?? 0) + 1);
    expect((await callApi(caller, "GET", `users/${tenant.member.id}`)).body.active).toBe(false);
    const actions = (await auditEventsOf(tenant.organizationId)).map((event) => event.action);
    expect(actions).toEqual(["user.deactivated"]);
  });

  it("PATCH active=false ends sessions too; reactivating does not", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const before = (await sessionVersionOf(tenant.member.id)) ?? 0;
    await callApi(caller, "PATCH", `users/${tenant.member.id}`, { body: { active: false } });
    await callApi(caller, "PATCH", `users/${tenant.member.id}`, { body: { active: false } });
    await callApi(caller, "PATCH", `users/${tenant.member.id}`, { body: { active: true } });
    expect(await sessionVersionOf(tenant.member.id)).toBe(before + 1);
  });

  it("normalizes email and refuses one already taken (409)", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const created = await callApi(caller, "POST", "users", {
      body: { name: "Ann Lee", email: "  Ann.Lee@Example.TEST ", role_id: tenant.memberRole.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "ann.lee@example.test", active: true });
    const duplicate = await callApi(caller, "POST", "users", {
      body: { name: "Ann Again", email: "ann.lee@example.test", role_id: tenant.memberRole.id },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([
      { pointer: "#/email", detail: "A user with this email already exists" },
    ]);
  });
});
