import type { AuthenticatedClient } from "@/lib/clients/authenticate-client-secret";
import { isAddressAllowed } from "@/lib/net/ip-allow-list";
import { planIncludes } from "@/lib/plans/plan-catalogue";

export const NOT_IN_PLAN = "API access is not included in the organization's plan";
export const ADDRESS_NOT_ALLOWED = "Requests from this address are not allowed for this client";

export interface ClientAccessRefusal {
  reason: "not_in_plan" | "address_not_allowed";
  description: typeof NOT_IN_PLAN | typeof ADDRESS_NOT_ALLOWED;
}

/**
 * Whether an authenticated client may use the API right now, from this address: the plan
 * must include API access, and when the organization restricts by IP the address must be in
 * the client's allow-list (an empty list then allows nothing). Null when allowed.
 */
export function clientAccessRefusal(
  authenticated: {
    organization: Pick<AuthenticatedClient["organization"], "plan" | "restrictApiByIp">;
    client: { allowedIps: readonly string[] };
  },
  ip: string,
): ClientAccessRefusal | null {
  if (!planIncludes(authenticated.organization.plan, "apiAccess")) {
    return { reason: "not_in_plan", description: NOT_IN_PLAN };
  }
  if (authenticated.organization.restrictApiByIp && !isAddressAllowed(ip, authenticated.client.allowedIps)) {
    return { reason: "address_not_allowed", description: ADDRESS_NOT_ALLOWED };
  }
  return null;
}
