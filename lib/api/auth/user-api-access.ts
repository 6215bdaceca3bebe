import { accessRefused, invalidToken } from "@/lib/api/auth/api-auth-errors";
import { organizations, roles, users } from "@/lib/db/schema";
import { NOT_IN_PLAN } from "@/lib/oauth/client-access-policy";
import {
  type AuthenticationMethod,
  effectiveSecurityLevel,
  isMethodAllowed,
} from "@/lib/organizations/security-level";
import type { Scope } from "@/lib/permissions/catalogue";

export const USER_DEACTIVATED = "The user of these credentials is deactivated";
export const REST_API_OFF = "REST API access is turned off for this user's role";

/** Why a method is refused at a level, as the problem detail says it. */
export const METHOD_DISABLED: Partial<Record<AuthenticationMethod, string>> = {
  basic_password: "HTTP Basic authentication is disabled at the Extra High security level",
  legacy_key: "Legacy API keys work only at the Legacy security level",
};

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
  organization: { id: string; plan: string; securityLevel: "legacy" | "high" | "extra_high" };
}

/**
 * Whether a person's credential may call the API now: the user active, the method allowed at
 * the organization's level in force (Legacy is High after its sunset), API access in the
 * plan, and the REST API on for the user's role. The refusing response, or null.
 */
export function userAccessRefusal(row: UserAccessRow, method: AuthenticationMethod): Response | null {
  if (!row.user.active) return invalidToken(USER_DEACTIVATED);
  if (!isMethodAllowed(effectiveSecurityLevel(row.organization.securityLevel), method)) {
    return invalidToken(METHOD_DISABLED[method] ?? "This authentication method is disabled");
  }
  if (row.organization.plan === "free") return accessRefused(NOT_IN_PLAN);
  if (!row.role.restApiEnabled) return accessRefused(REST_API_OFF);
  return null;
}
