import type { Scope } from "@/lib/permissions/catalogue";
import { describeScopes, type GrantCeiling, scopesBeyond } from "./grant-ceiling";

export interface AssignableRole {
  name: string;
  builtIn: boolean;
  permissions: readonly Scope[];
}

/**
 * Why someone with this ceiling may not give a user this role, nor take it from them: the
 * built-in Site Administrator role is given and taken by Site Administrators only, and any
 * other role only by someone who holds all of its permissions. Null when they may.
 */
export type RoleAssignmentRefusal = { kind: "site_administrator" } | { kind: "beyond"; scopes: Scope[] };

export function roleAssignmentRefusal(
  ceiling: GrantCeiling,
  role: AssignableRole,
): RoleAssignmentRefusal | null {
  if (ceiling.unlimited) return null;
  if (role.builtIn) return { kind: "site_administrator" };
  const beyond = scopesBeyond(ceiling, role.permissions);
  return beyond.length > 0 ? { kind: "beyond", scopes: beyond } : null;
}

export const SITE_ADMINISTRATOR_ONLY =
  "Only a Site Administrator can give or take the Site Administrator role.";

/** The console's words for a refusal. */
export function roleAssignmentMessage(role: AssignableRole, refusal: RoleAssignmentRefusal): string {
  if (refusal.kind === "site_administrator") return SITE_ADMINISTRATOR_ONLY;
  return `The role ${role.name} holds ${describeScopes(refusal.scopes)}, which your role does not: only an administrator who holds them can give or take this role.`;
}
