import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { organizations, type Plan, roles, type SecurityLevel, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { FULL_GRID } from "@/lib/permissions/grid";

/** Test data built through the schema: each test gets its own organization. */
export async function createTestOrganization(options: { plan?: Plan; securityLevel?: SecurityLevel } = {}) {
  const db = await getDb();
  const suffix = randomUUID().slice(0, 8);
  const [organization] = await db
    .insert(organizations)
    .values({
      name: `Test Org ${suffix}`,
      partnerId: randomUUID(),
      plan: options.plan ?? "enterprise",
      securityLevel: options.securityLevel ?? "high",
    })
    .returning();
  if (!organization) throw new Error("organization not created");
  const [adminRole] = await db
    .insert(roles)
    .values({
      organizationId: organization.id,
      name: "Site Administrator",
      builtIn: true,
      consoleAdmin: true,
      restApiEnabled: true,
      permissions: FULL_GRID,
    })
    .returning();
  const [memberRole] = await db
    .insert(roles)
    .values({
      organizationId: organization.id,
      name: "Investigator",
      restApiEnabled: true,
      permissions: ["cases:read"] satisfies Scope[],
    })
    .returning();
  if (!adminRole || !memberRole) throw new Error("roles not created");
  const admin = await createTestUser(organization.id, adminRole.id, "admin");
  const member = await createTestUser(organization.id, memberRole.id, "member");
  return { organization, adminRole, memberRole, admin, member };
}

export async function createTestUser(
  organizationId: string,
  roleId: string,
  label: string,
  passwordHash?: string,
) {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({
      organizationId,
      roleId,
      email: `${label}-${randomUUID().slice(0, 8)}@test.example`,
      name: `${label} user`,
      passwordHash: passwordHash ?? null,
    })
    .returning();
  if (!user) throw new Error("user not created");
  return user;
}
