import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { organizations, roles, users } from "@/lib/db/schema";
import { FormError } from "@/lib/forms/action-state";
import { effectiveSecurityLevel } from "@/lib/organizations/security-level";

export const REST_API_OFF_FOR_ROLE = (role: string) =>
  `REST API access is turned off for your role (${role}), so you cannot create tokens or keys. Ask an administrator to enable it.`;

/**
 * The signed-in user with their role and organization policy, read inside the command's
 * transaction. The user row is share-locked, so a deactivation running at the same moment
 * waits for the new token (and then revokes it) or this command sees the user inactive.
 */
export async function loadTokenOwner(executor: Executor, organizationId: string, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      email: users.email,
      active: users.active,
      role: { name: roles.name, restApiEnabled: roles.restApiEnabled, permissions: roles.permissions },
      policy: {
        defaultTokenExpirationDays: organizations.defaultTokenExpirationDays,
        maxTokenExpirationDays: organizations.maxTokenExpirationDays,
        allowUnexpiringTokens: organizations.allowUnexpiringTokens,
      },
      storedLevel: organizations.securityLevel,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
    .for("share", { of: users })
    .limit(1);
  if (!row?.active) throw new FormError("Your account is not active.");
  return { ...row, level: effectiveSecurityLevel(row.storedLevel) };
}

/** Tokens and keys are only for users whose role has the REST API on. */
export function assertRestApiEnabled(owner: { role: { name: string; restApiEnabled: boolean } }) {
  if (!owner.role.restApiEnabled) throw new FormError(REST_API_OFF_FOR_ROLE(owner.role.name));
}
