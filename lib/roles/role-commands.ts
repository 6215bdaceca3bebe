import { and, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { roles, users } from "@/lib/db/schema";
import { FieldError, FormError } from "@/lib/forms/action-state";
import { diffGrids, FULL_GRID } from "@/lib/permissions/grid";
import {
  assertGridChangeWithinCeiling,
  describeScopes,
  loadGrantCeiling,
  scopesBeyond,
} from "./grant-ceiling";
import {
  type RoleFieldsInput,
  roleFieldsSchema,
  roleIdSchema,
  type UpdateRoleInput,
  updateRoleSchema,
} from "./role-schemas";

export const ROLE_NOT_FOUND = "That role does not exist in your organization.";
export const BUILT_IN_LOCKED =
  "Site Administrator is built in: it keeps every permission, console administration and REST API access.";

type RoleFields = z.output<typeof roleFieldsSchema>;

export const switchBeyondYourRole = (label: string, beyond: Parameters<typeof describeScopes>[0]) =>
  `This role holds ${describeScopes(beyond)}, which your role does not: only an administrator who holds them can change "${label}".`;

const SWITCH_LABELS = { restApiEnabled: "REST API enabled", consoleAdmin: "Console administrator" } as const;

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, "roles_organization_name_unique")) {
    throw new FieldError("name", "A role with this name already exists");
  }
  throw error;
}

/** The built-in role keeps its name, switches and full grid; only its description may change. */
function assertBuiltInKept(before: { name: string }, after: RoleFields) {
  const grid = new Set(after.permissions);
  const keepsEverything = FULL_GRID.every((scope) => grid.has(scope));
  if (after.name !== before.name) throw new FieldError("name", "The built-in role cannot be renamed");
  if (!after.consoleAdmin || !after.restApiEnabled || !keepsEverything) throw new FormError(BUILT_IN_LOCKED);
}

export async function createRole(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: RoleFieldsInput,
): Promise<{ id: string }> {
  const fields = roleFieldsSchema.parse(input);
  try {
    return await executor.transaction(async (tx) => {
      assertGridChangeWithinCeiling(
        await loadGrantCeiling(tx, organizationId, actor),
        [],
        fields.permissions,
      );
      const [role] = await tx
        .insert(roles)
        .values({ organizationId, ...fields })
        .returning({ id: roles.id });
      if (!role) throw new Error("role insert returned nothing");
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "role.created",
        targetType: "role",
        targetId: role.id,
        details: {
          name: fields.name,
          restApiEnabled: fields.restApiEnabled,
          consoleAdmin: fields.consoleAdmin,
          ...diffGrids([], fields.permissions),
        },
      });
      return role;
    });
  } catch (error) {
    duplicateName(error);
  }
}

/**
 * Changes a role; takes effect for its users' next request (their API rights are read from
 * the role on every call). An administrator cannot take console administration from the
 * role they hold themselves, which would lock them out mid-edit.
 *
 * Within the grantor's ceiling (grant-ceiling.ts): cells of permissions the administrator does
 * not hold stay as they are, and a role that holds such permissions keeps its two switches as
 * they are, since switching them gives or takes those permissions' use.
 */
export async function updateRole(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: UpdateRoleInput,
): Promise<void> {
  const { roleId, ...fields } = updateRoleSchema.parse(input);
  try {
    await executor.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(roles)
        .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)))
        .for("update")
        .limit(1);
      if (!before) throw new FormError(ROLE_NOT_FOUND);
      if (before.builtIn) assertBuiltInKept(before, fields);
      if (before.consoleAdmin && !fields.consoleAdmin && actor.id) {
        const [holder] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, actor.id), eq(users.roleId, roleId)))
          .limit(1);
        if (holder)
          throw new FieldError("consoleAdmin", "You cannot remove console administration from your own role");
      }
      const ceiling = await loadGrantCeiling(tx, organizationId, actor);
      assertGridChangeWithinCeiling(ceiling, before.permissions, fields.permissions);
      const beyond = scopesBeyond(ceiling, before.permissions);
      for (const key of ["restApiEnabled", "consoleAdmin"] as const) {
        if (beyond.length > 0 && before[key] !== fields[key])
          throw new FieldError(key, switchBeyondYourRole(SWITCH_LABELS[key], beyond));
      }
      await tx
        .update(roles)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)));
      const changes: Record<string, unknown> = {};
      for (const key of ["name", "description", "restApiEnabled", "consoleAdmin"] as const) {
        if (before[key] !== fields[key]) changes[key] = { from: before[key], to: fields[key] };
      }
      const diff = diffGrids(before.permissions, fields.permissions);
      if (Object.keys(changes).length === 0 && diff.granted.length + diff.revoked.length === 0) return;
      await recordAuditEvent(tx, {
        organizationId,
        actor,
        action: "role.updated",
        targetType: "role",
        targetId: roleId,
        details: { name: fields.name, ...changes, ...diff },
      });
    });
  } catch (error) {
    duplicateName(error);
  }
}

/** Deletes a role no user holds; the built-in role is never deleted. */
export async function deleteRole(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: z.input<typeof roleIdSchema>,
): Promise<void> {
  const { roleId } = roleIdSchema.parse(input);
  await executor.transaction(async (tx) => {
    const [role] = await tx
      .select()
      .from(roles)
      .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)))
      .for("update")
      .limit(1);
    if (!role) throw new FormError(ROLE_NOT_FOUND);
    if (role.builtIn) throw new FormError("Site Administrator is built in and cannot be deleted.");
    const [holders] = await tx
      .select({ value: count() })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.roleId, roleId)));
    const held = holders?.value ?? 0;
    if (held > 0) {
      throw new FormError(
        `${held === 1 ? "1 user holds" : `${held} users hold`} the role ${role.name}. Give them another role before deleting it.`,
      );
    }
    await tx.delete(roles).where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "role.deleted",
      targetType: "role",
      targetId: roleId,
      details: { name: role.name, ...diffGrids(role.permissions, []) },
    });
  });
}
