import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { ApiCaller } from "@/lib/api/auth/api-caller";
import type { Transaction } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import {
  type RoleAssignmentRefusal,
  roleAssignmentRefusal,
  SITE_ADMINISTRATOR_ONLY,
} from "@/lib/roles/role-assignment";
import { deactivateUser, revokeAccessOfDeactivatedUser } from "@/lib/users/deactivate-user";
import { emailAddress, personName } from "@/lib/validation/text-fields";
import { booleanFilter, exactFilter, referenceId, searchFilter } from "../api-fields";
import { ApiProblem } from "../api-problem";
import { UUID_PATTERN } from "../cursor";
import { auditActorOf } from "../record-api-mutation";
import { defineResource, type RemoveOutcome } from "../resource-definition";

const userFields = {
  name: personName,
  email: emailAddress,
  role_id: referenceId.describe("A role of the organization."),
  active: z.boolean({ error: "Must be true or false" }),
};

/** Deactivation also moves the session version on, which ends the user's console sessions. */
const endSessionsIfActive = sql`${users.sessionVersion} + case when ${users.active} then 1 else 0 end`;

export const CONSOLE_ADMINS_IN_CONSOLE_ONLY =
  "Console administrators and their roles are managed in the console, not through the API.";

/** True when the role (by ID, in the organization) makes its holders console administrators. */
async function isConsoleAdminRole(tx: Transaction, organizationId: string, roleId: string): Promise<boolean> {
  const [role] = await tx
    .select({ consoleAdmin: roles.consoleAdmin })
    .from(roles)
    .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)));
  return role?.consoleAdmin ?? false;
}

async function holdsConsoleAdminRole(
  tx: Transaction,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const [user] = await tx
    .select({ roleId: users.roleId })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  return user ? isConsoleAdminRole(tx, organizationId, user.roleId) : false;
}

/**
 * An API credential may manage people, but never console administrators: it cannot give a
 * console-admin role, nor change or deactivate someone who holds one. Otherwise a client
 * holding users:update could make anyone an administrator of the console.
 */
async function refuseConsoleAdminChanges(
  tx: Transaction,
  organizationId: string,
  input: { role_id?: string },
  userId?: string,
): Promise<void> {
  const givesAdmin =
    input.role_id !== undefined && (await isConsoleAdminRole(tx, organizationId, input.role_id));
  const touchesAdmin = userId !== undefined && (await holdsConsoleAdminRole(tx, organizationId, userId));
  if (givesAdmin || touchesAdmin) throw new ApiProblem(403, "Forbidden", CONSOLE_ADMINS_IN_CONSOLE_ONLY);
}

export const OWN_ROLE_UNCHANGEABLE = "Nobody changes their own role, through the API or the console.";

/** 403 naming the scopes the caller lacks (RFC 6750 §3.1 insufficient_scope), pointing at role_id. */
function roleBeyondCallerProblem(detail: string, missing: readonly string[]): ApiProblem {
  return new ApiProblem(
    403,
    "Forbidden",
    detail,
    { required_scopes: missing, errors: [{ pointer: "#/role_id", detail }] },
    missing.length > 0
      ? { "www-authenticate": `Bearer error="insufficient_scope", scope="${missing.join(" ")}"` }
      : {},
  );
}

async function roleById(tx: Transaction, organizationId: string, roleId: string) {
  const [role] = await tx
    .select({ name: roles.name, builtIn: roles.builtIn, permissions: roles.permissions })
    .from(roles)
    .where(and(eq(roles.organizationId, organizationId), eq(roles.id, roleId)));
  return role;
}

/**
 * No escalation through the API: a caller gives a role only when the rights of this request
 * (`caller.scopes`: the token's scopes within the client's grid or the person's role) cover
 * every permission of that role, changes a user's role only when they also cover the role the
 * user holds now, and never changes their own role.
 */
async function refuseRoleBeyondCaller(
  tx: Transaction,
  caller: ApiCaller,
  input: { role_id?: string },
  userId?: string,
): Promise<void> {
  if (input.role_id === undefined) return;
  const ceiling = { unlimited: false as const, scopes: caller.scopes };
  if (userId !== undefined) {
    const [current] = await tx
      .select({ roleId: users.roleId })
      .from(users)
      .where(and(eq(users.organizationId, caller.organizationId), eq(users.id, userId)));
    if (!current || current.roleId === input.role_id) return;
    if (caller.userId === userId) throw roleBeyondCallerProblem(OWN_ROLE_UNCHANGEABLE, []);
    const held = await roleById(tx, caller.organizationId, current.roleId);
    const refusal = held ? roleAssignmentRefusal(ceiling, held) : null;
    if (held && refusal) {
      throw refusalProblem(
        refusal,
        `This user's role ${held.name} holds ${scopeList(refusal)}, beyond this request's rights: only a caller that holds all of them can change it.`,
      );
    }
  }
  const role = await roleById(tx, caller.organizationId, input.role_id);
  const refusal = role ? roleAssignmentRefusal(ceiling, role) : null;
  if (role && refusal) {
    throw refusalProblem(
      refusal,
      `The role ${role.name} holds ${scopeList(refusal)}, beyond this request's rights: a role can be given only by a caller that holds all of its permissions.`,
    );
  }
}

const scopeList = (refusal: RoleAssignmentRefusal) =>
  refusal.kind === "beyond" ? refusal.scopes.join(", ") : "";

function refusalProblem(refusal: RoleAssignmentRefusal, beyondDetail: string): ApiProblem {
  return refusal.kind === "beyond"
    ? roleBeyondCallerProblem(beyondDetail, refusal.scopes)
    : roleBeyondCallerProblem(SITE_ADMINISTRATOR_ONLY, []);
}

const commandContextOf = (caller: ApiCaller) => ({
  organizationId: caller.organizationId,
  actor: auditActorOf(caller),
});

/** DELETE deactivates, through the same domain function as the console. */
async function removeUser(tx: Transaction, caller: ApiCaller, id: string): Promise<RemoveOutcome> {
  if (UUID_PATTERN.test(id)) await refuseConsoleAdminChanges(tx, caller.organizationId, {}, id);
  const result = await deactivateUser(tx, commandContextOf(caller), id);
  if (result.outcome === "deactivated") return "removed";
  return result.outcome === "already_inactive" ? "unchanged" : "missing";
}

/** A role given by ID, or by its exact name. */
function roleCondition(role: string | undefined) {
  if (role === undefined) return undefined;
  if (UUID_PATTERN.test(role)) return eq(users.roleId, role);
  return inArray(users.roleId, sql`(select ${roles.id} from ${roles} where ${roles.name} = ${role})`);
}

/**
 * People of the organization. Responses never carry the password hash or the session
 * version; users made through the API have no password and cannot sign in to the console
 * until an administrator sets one. DELETE deactivates (idempotent); users are never erased.
 */
export const userResource = defineResource({
  key: "users",
  noun: "user",
  table: users,
  hiddenColumns: ["password_hash", "session_version", "last_basic_auth_at"],
  filters: z.strictObject({
    active: booleanFilter,
    q: searchFilter.describe("Case-insensitive text in the name or email."),
    role: exactFilter(100).describe("A role ID or the exact role name."),
  }),
  where: (filters) => [
    filters.active !== undefined ? eq(users.active, filters.active) : undefined,
    searchCondition(filters.q, [users.name, users.email]),
    roleCondition(filters.role),
  ],
  sorts: { name: users.name, email: users.email, created_at: users.createdAt },
  defaultSort: "name",
  create: z.strictObject({ ...userFields, active: userFields.active.optional() }),
  update: z.strictObject(userFields).partial(),
  references: { role_id: roles },
  uniqueConstraints: {
    users_email_unique: { field: "email", detail: "A user with this email already exists" },
  },
  guard: async (input, { tx, caller, id }) => {
    await refuseConsoleAdminChanges(tx, caller.organizationId, input, id);
    await refuseRoleBeyondCaller(tx, caller, input, id);
  },
  derive: (input, { mode }) =>
    mode === "update" && input.active === false ? { sessionVersion: endSessionsIfActive } : {},
  // PATCH {"active": false} deactivates too: the same revocations follow.
  afterWrite: async (input, { tx, caller, mode, id }) => {
    if (mode === "update" && input.active === false)
      await revokeAccessOfDeactivatedUser(tx, commandContextOf(caller), id);
  },
  remove: removeUser,
  actions: { deleted: "user.deactivated" },
});
