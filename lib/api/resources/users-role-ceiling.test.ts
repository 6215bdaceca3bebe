import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { getDb } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { FULL_GRID } from "@/lib/permissions/grid";
import {
  auditEventsOf,
  callApi,
  callerFor,
  countRows,
  createApiTestTenant,
} from "@/lib/testing/api-test-support";
import { createTestUser } from "@/lib/testing/factories";
import { OWN_ROLE_UNCHANGEABLE } from "./users";

/** What the caller of these tests may do: manage users, read cases, nothing else. */
const USER_MANAGER: Scope[] = ["users:read", "users:create", "users:update", "cases:read"];

async function tenantWithRoles() {
  const tenant = await createApiTestTenant();
  const db = await getDb();
  const role = async (name: string, permissions: Scope[]) => {
    const [row] = await db
      .insert(roles)
      .values({ organizationId: tenant.organizationId, name, restApiEnabled: true, permissions })
      .returning();
    if (!row) throw new Error("role not created");
    return row;
  };
  const clerk = await role("Clerk", ["cases:read"]);
  const supervisor = await role("Supervisor", ["cases:read", "cases:delete", "users:read", "users:update"]);
  const supervisorUser = await createTestUser(tenant.organizationId, supervisor.id, "supervisor");
  return { ...tenant, clerk, supervisor, supervisorUser };
}

type Tenant = Awaited<ReturnType<typeof tenantWithRoles>>;

async function roleIdOf(userId: string) {
  const [row] = await (await getDb())
    .select({ roleId: users.roleId })
    .from(users)
    .where(eq(users.id, userId));
  return row?.roleId;
}

function personCaller(tenant: Tenant, userId: string, scopes: readonly Scope[]): ApiCaller {
  return { ...callerFor(tenant.organizationId, scopes), credential: "personal_token", userId };
}

describe("users API: no self-escalation", () => {
  it.each<{
    label: string;
    caller: (tenant: Tenant) => ApiCaller;
    target: (tenant: Tenant) => string;
    role: (tenant: Tenant) => string;
    status: number;
    detail?: RegExp;
    missing?: Scope[];
  }>([
    {
      label: "gives a role holding a permission the caller lacks",
      caller: (t) => callerFor(t.organizationId, USER_MANAGER),
      target: (t) => t.member.id,
      role: (t) => t.supervisor.id,
      status: 403,
      detail: /^The role Supervisor holds cases:delete, beyond this request's rights/,
      missing: ["cases:delete"],
    },
    {
      label: "gives a role within the caller's rights",
      caller: (t) => callerFor(t.organizationId, USER_MANAGER),
      target: (t) => t.member.id,
      role: (t) => t.clerk.id,
      status: 200,
    },
    {
      label: "takes a role holding more than the caller from its user",
      caller: (t) => callerFor(t.organizationId, USER_MANAGER),
      target: (t) => t.supervisorUser.id,
      role: (t) => t.clerk.id,
      status: 403,
      detail: /^This user's role Supervisor holds cases:delete, beyond this request's rights/,
      missing: ["cases:delete"],
    },
    {
      label: "gives a role when the caller lacks even its smallest permission",
      caller: (t) => callerFor(t.organizationId, ["users:update"]),
      target: (t) => t.member.id,
      role: (t) => t.clerk.id,
      status: 403,
      missing: ["cases:read"],
    },
    {
      label: "changes the caller's own role, even to a lesser one",
      caller: (t) => personCaller(t, t.supervisorUser.id, ["users:update", "cases:read", "cases:delete"]),
      target: (t) => t.supervisorUser.id,
      role: (t) => t.clerk.id,
      status: 403,
      detail: new RegExp(`^${OWN_ROLE_UNCHANGEABLE}$`),
      missing: [],
    },
    {
      label: "sends the caller's own role unchanged",
      caller: (t) => personCaller(t, t.supervisorUser.id, ["users:update"]),
      target: (t) => t.supervisorUser.id,
      role: (t) => t.supervisor.id,
      status: 200,
    },
    {
      label: "gives a higher role when the caller holds all of it",
      caller: (t) => callerFor(t.organizationId, FULL_GRID),
      target: (t) => t.member.id,
      role: (t) => t.supervisor.id,
      status: 200,
    },
  ])("PATCH role_id: $label → $status", async ({ caller, target, role, status, detail, missing }) => {
    const tenant = await tenantWithRoles();
    const userId = target(tenant);
    const before = await roleIdOf(userId);
    const result = await callApi(caller(tenant), "PATCH", `users/${userId}`, {
      body: { role_id: role(tenant) },
    });
    expect(result.status).toBe(status);
    if (status === 200) {
      expect(result.body.role_id).toBe(role(tenant));
      expect(await roleIdOf(userId)).toBe(role(tenant));
      return;
    }
    expect(result.response.headers.get("content-type")).toBe("application/problem+json");
    expect(result.body.title).toBe("Forbidden");
    if (detail) expect(result.body.detail).toMatch(detail);
    expect(result.body.required_scopes).toEqual(missing);
    expect(result.body.errors).toEqual([{ pointer: "#/role_id", detail: result.body.detail }]);
    const challenge = result.response.headers.get("www-authenticate");
    if (missing && missing.length > 0) {
      expect(challenge).toBe(`Bearer error="insufficient_scope", scope="${missing.join(" ")}"`);
    } else {
      expect(challenge).toBeNull();
    }
    // Nothing written: the role is as it was and no change was audited.
    expect(await roleIdOf(userId)).toBe(before);
    expect((await auditEventsOf(tenant.organizationId)).map((event) => event.action)).toEqual([]);
  });

  it("refuses to create a user with a role beyond the caller, and creates one within", async () => {
    const tenant = await tenantWithRoles();
    const caller = callerFor(tenant.organizationId, USER_MANAGER);
    const before = await countRows("users", tenant.organizationId);
    const refused = await callApi(caller, "POST", "users", {
      body: { name: "Sam Higher", email: `sam-${Date.now()}@example.test`, role_id: tenant.supervisor.id },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.required_scopes).toEqual(["cases:delete"]);
    expect(await countRows("users", tenant.organizationId)).toBe(before);

    const created = await callApi(caller, "POST", "users", {
      body: { name: "Sam Clerk", email: `sam-clerk-${Date.now()}@example.test`, role_id: tenant.clerk.id },
    });
    expect(created.status).toBe(201);
    expect(created.body.role_id).toBe(tenant.clerk.id);
  });

  it("still lets a caller change other fields of a user whose role holds more", async () => {
    const tenant = await tenantWithRoles();
    const caller = callerFor(tenant.organizationId, USER_MANAGER);
    const renamed = await callApi(caller, "PATCH", `users/${tenant.supervisorUser.id}`, {
      body: { name: "Renamed Supervisor" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed Supervisor", role_id: tenant.supervisor.id });
  });
});
