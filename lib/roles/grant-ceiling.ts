import { and, eq } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";
import { FieldError } from "@/lib/forms/action-state";
import { ALL_SCOPES, OPERATION_LABELS, RESOURCES, type Scope, scopeOf } from "@/lib/permissions/catalogue";

/**
 * What an administrator may grant: the permissions their own role holds. A Site Administrator
 * (the built-in role) and Latchkey itself (seeds, scripts) may grant everything.
 */
export type GrantCeiling = { unlimited: true } | { unlimited: false; scopes: readonly Scope[] };

export const UNLIMITED_CEILING: GrantCeiling = { unlimited: true };

/**
 * The acting administrator's ceiling, read in the caller's transaction from their role as it
 * is now. Anyone else (an unknown or inactive user, a client) may grant nothing.
 */
export async function loadGrantCeiling(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
): Promise<GrantCeiling> {
  if (actor.type === "system") return UNLIMITED_CEILING;
  if (actor.type !== "user" || !actor.id) return { unlimited: false, scopes: [] };
  const [role] = await executor
    .select({ builtIn: roles.builtIn, permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, and(eq(roles.id, users.roleId), eq(roles.organizationId, users.organizationId)))
    .where(and(eq(users.organizationId, organizationId), eq(users.id, actor.id), eq(users.active, true)))
    .limit(1);
  if (!role) return { unlimited: false, scopes: [] };
  return role.builtIn ? UNLIMITED_CEILING : { unlimited: false, scopes: role.permissions };
}

export function canGrant(ceiling: GrantCeiling, scope: Scope): boolean {
  return ceiling.unlimited || ceiling.scopes.includes(scope);
}

/** The scopes of `grid` the ceiling does not reach. */
export function scopesBeyond(ceiling: GrantCeiling, grid: readonly Scope[]): Scope[] {
  return ceiling.unlimited ? [] : grid.filter((scope) => !ceiling.scopes.includes(scope));
}

/** For the grid: the scopes an administrator may change, or undefined when they may change all. */
export function grantableScopes(ceiling: GrantCeiling): Scope[] | undefined {
  return ceiling.unlimited ? undefined : ALL_SCOPES.filter((scope) => ceiling.scopes.includes(scope));
}

/** "Cases delete, Evidence download" — the grid's cell labels, for messages. */
export function describeScopes(grid: readonly Scope[]): string {
  const wanted = new Set(grid);
  return RESOURCES.flatMap((resource) =>
    resource.operations
      .filter((operation) => wanted.has(scopeOf(resource.key, operation)))
      .map((operation) => `${resource.label} ${OPERATION_LABELS[operation].toLowerCase()}`),
  ).join(", ");
}

export const beyondYourRole = (grid: readonly Scope[]) =>
  `You can grant only permissions your own role holds; it does not hold ${describeScopes(grid)}.`;
export const removalBeyondYourRole = (grid: readonly Scope[]) =>
  `Your role does not hold ${describeScopes(grid)}: only an administrator who does can remove it.`;

/**
 * A grid may change only where the administrator's ceiling reaches: a permission they do not
 * hold can be neither granted nor removed by them, and stays as it was (the console shows such
 * cells locked). Anything else is a field error, and nothing is written.
 */
export function assertGridChangeWithinCeiling(
  ceiling: GrantCeiling,
  before: readonly Scope[],
  after: readonly Scope[],
  field = "permissions",
): void {
  if (ceiling.unlimited) return;
  const was = new Set(before);
  const now = new Set(after);
  const granted = scopesBeyond(
    ceiling,
    ALL_SCOPES.filter((scope) => now.has(scope) && !was.has(scope)),
  );
  if (granted.length > 0) throw new FieldError(field, beyondYourRole(granted));
  const removed = scopesBeyond(
    ceiling,
    ALL_SCOPES.filter((scope) => was.has(scope) && !now.has(scope)),
  );
  if (removed.length > 0) throw new FieldError(field, removalBeyondYourRole(removed));
}
