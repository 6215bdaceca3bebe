import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { hashPassword } from "@/lib/crypto/password";
import type { Database, Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { roles, users } from "@/lib/db/schema";
import { FieldError, FormError } from "@/lib/forms/action-state";
import { loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import {
  type AssignableRole,
  roleAssignmentMessage,
  roleAssignmentRefusal,
} from "@/lib/roles/role-assignment";
import { deactivateUser } from "./deactivate-user";
import type { changeUserRoleSchema, createUserSchema } from "./user-schemas";

export const USER_NOT_FOUND = "That user does not exist in your organization.";

export function actorOf(admin: ConsoleUser): AuditActor {
  return { type: "user", id: admin.id, label: admin.email, ip: admin.ip, userAgent: admin.userAgent };
}

async function findRoleInOrganization(executor: Executor, organizationId: string, roleId: string) {
  const [role] = await executor
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, permissions: roles.permissions })
    .from(roles)
    .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)))
    .limit(1);
  if (!role) throw new FieldError("roleId", "Choose a role");
  return role;
}

/**
 * The grantor's ceiling over roles (grant-ceiling.ts): an administrator gives or takes only
 * roles whose permissions their own role holds, and only a Site Administrator gives or takes
 * Site Administrator.
 */
function assertAssignable(ceiling: Awaited<ReturnType<typeof loadGrantCeiling>>, role: AssignableRole) {
  const refusal = roleAssignmentRefusal(ceiling, role);
  if (refusal) throw new FieldError("roleId", roleAssignmentMessage(role, refusal));
}

export async function createUser(db: Database, admin: ConsoleUser, input: z.output<typeof createUserSchema>) {
  const organizationId = admin.organization.id;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const role = await findRoleInOrganization(tx, organizationId, input.roleId);
      assertAssignable(await loadGrantCeiling(tx, organizationId, actorOf(admin)), role);
      const [user] = await tx
        .insert(users)
        .values({ organizationId, name: input.name, email: input.email, passwordHash, roleId: role.id })
        .returning({ id: users.id });
      if (!user) throw new Error("user insert returned nothing");
      await recordAuditEvent(tx, {
        organizationId,
        actor: actorOf(admin),
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        details: { name: input.name, email: input.email, role: role.name },
      });
      return { id: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_unique")) {
      throw new FieldError("email", "A user with this email already exists");
    }
    throw error;
  }
}

export async function changeUserRole(
  db: Database,
  admin: ConsoleUser,
  input: z.output<typeof changeUserRoleSchema>,
) {
  if (input.userId === admin.id) throw new FormError("You cannot change your own role.");
  const organizationId = admin.organization.id;
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        roleId: users.roleId,
        roleName: roles.name,
        roleBuiltIn: roles.builtIn,
        rolePermissions: roles.permissions,
      })
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(and(eq(users.organizationId, organizationId), eq(users.id, input.userId)))
      .for("update", { of: users })
      .limit(1);
    if (!user) throw new FormError(USER_NOT_FOUND);
    const role = await findRoleInOrganization(tx, organizationId, input.roleId);
    if (role.id === user.roleId) return;
    const ceiling = await loadGrantCeiling(tx, organizationId, actorOf(admin));
    assertAssignable(ceiling, {
      name: user.roleName,
      builtIn: user.roleBuiltIn,
      permissions: user.rolePermissions,
    });
    assertAssignable(ceiling, role);
    await tx
      .update(users)
      .set({ roleId: role.id, updatedAt: new Date() })
      .where(and(eq(users.organizationId, organizationId), eq(users.id, user.id)));
    await recordAuditEvent(tx, {
      organizationId,
      actor: actorOf(admin),
      action: "user.role_changed",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, from: user.roleName, to: role.name },
    });
  });
}

/**
 * Deactivating ends the user's sessions and revokes their personal tokens and legacy key (see
 * ./deactivate-user.ts); reactivating lets them sign in again and gives none of those back.
 */
export async function setUserActive(db: Database, admin: ConsoleUser, userId: string, active: boolean) {
  if (userId === admin.id && !active) throw new FormError("You cannot deactivate yourself.");
  const organizationId = admin.organization.id;
  const context = { organizationId, actor: actorOf(admin) };
  await db.transaction(async (tx) => {
    if (!active) {
      const result = await deactivateUser(tx, context, userId);
      if (result.outcome === "missing") throw new FormError(USER_NOT_FOUND);
      if (result.outcome === "already_inactive") return;
      await recordAuditEvent(tx, {
        ...context,
        action: "user.deactivated",
        targetType: "user",
        targetId: userId,
        details: { email: result.email, ...result.revoked },
      });
      return;
    }
    const [user] = await tx
      .update(users)
      .set({ active: true, updatedAt: new Date() })
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId), eq(users.active, false)))
      .returning({ id: users.id, email: users.email });
    if (!user) {
      const [exists] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
      if (!exists) throw new FormError(USER_NOT_FOUND);
      return; // already active
    }
    await recordAuditEvent(tx, {
      ...context,
      action: "user.reactivated",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email },
    });
  });
}
