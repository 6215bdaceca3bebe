import type { ApiProblem } from "@/lib/api/api-problem";
import { organizations, type Plan, roles, type SecurityLevel, users } from "@/lib/db/schema";
import { NOT_IN_PLAN } from "@/lib/oauth/client-access-policy";
import { effectiveSecurityLevel } from "@/lib/organizations/security-level";
import type { Scope } from "@/lib/permissions/catalogue";
import { planIncludes } from "@/lib/plans/plan-catalogue";
import { accessRefusedProblem, invalidTokenProblem } from "./api-auth-errors";
import { type AuthenticationMethod, isMethodAllowed } from "./method-catalogue";

export const USER_DEACTIVATED = "The user of these credentials is deactivated";
export const REST_API_OFF = "REST API access is turned off for this user's role";
export const METHOD_REFUSED_AT_LEVEL =
  "This authentication method is not accepted at the organization's security level";

/** What every credential acting as a person needs: read with it, in the same query, on every request. */
export const userAccessColumns = {
  user: {
    id: users.id,
    email: users.email,
    active: users.active,
    sessionVersion: users.sessionVersion,
    passwordHash: users.passwordHash,
  },
  role: { restApiEnabled: roles.restApiEnabled, permissions: roles.permissions },
  organization: {
    id: organizations.id,
    plan: organizations.plan,
    securityLevel: organizations.securityLevel,
  },
};

export interface UserAccessRow {
  user: { id: string; email: string; active: boolean };
  role: { restApiEnabled: boolean; permissions: Scope[] };
  organization: { id: string; plan: Plan; securityLevel: SecurityLevel };
}

export interface UserAccessRefusal {
  reason: "user_deactivated" | "method_not_allowed" | "not_in_plan" | "rest_api_off";
  problem: ApiProblem;
}

/**
 * Whether a person's credential may call the API now: the user active, the method allowed at
 * the organization's level in force (Legacy is High after its sunset), API access in the
 * plan, and the REST API on for the user's role. Why not and the problem that answers it, or null.
 */
export function userAccessRefusal(
  row: UserAccessRow,
  method: AuthenticationMethod,
): UserAccessRefusal | null {
  if (!row.user.active) return { reason: "user_deactivated", problem: invalidTokenProblem(USER_DEACTIVATED) };
  if (!isMethodAllowed(effectiveSecurityLevel(row.organization.securityLevel), method)) {
    return { reason: "method_not_allowed", problem: invalidTokenProblem(METHOD_REFUSED_AT_LEVEL) };
  }
  if (!planIncludes(row.organization.plan, "apiAccess")) {
    return { reason: "not_in_plan", problem: accessRefusedProblem(NOT_IN_PLAN) };
  }
  if (!row.role.restApiEnabled)
    return { reason: "rest_api_off", problem: accessRefusedProblem(REST_API_OFF) };
  return null;
}

/** The person a credential acting as them belongs to, as security events name them. */
export function personActor(row: UserAccessRow, method: "personal_token" | "legacy_key" | "basic_password") {
  const labels = { personal_token: "personal token", legacy_key: "legacy key", basic_password: "HTTP Basic" };
  return {
    type: method === "personal_token" ? ("personal_token" as const) : ("user" as const),
    id: row.user.id,
    label: `${row.user.email} (${labels[method]})`,
  };
}
