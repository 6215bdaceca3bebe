import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";

/** The organization's roles with how many users hold each, built-in roles first. */
export async function listRoles(executor: Executor, organizationId: string) {
  return executor
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      builtIn: roles.builtIn,
      restApiEnabled: roles.restApiEnabled,
      consoleAdmin: roles.consoleAdmin,
      permissions: roles.permissions,
      userCount: sql<number>`cast(${count(users.id)} as integer)`,
    })
    .from(roles)
    .leftJoin(users, eq(users.roleId, roles.id))
    .where(eq(roles.organizationId, organizationId))
    .groupBy(roles.id)
    .orderBy(sql`${roles.builtIn} desc`, asc(roles.name));
}

/** One role of the organization, or null. */
export async function findRole(executor: Executor, organizationId: string, roleId: string) {
  const [role] = await executor
    .select()
    .from(roles)
    .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)))
    .limit(1);
  return role ?? null;
}
