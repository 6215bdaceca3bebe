import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { planIncludes } from "@/lib/plans/plan-catalogue";
import { AllowedIpsRequiredError, ApiAccessNotInPlanError } from "./client-errors";

/** What an organization's settings say about its API clients. */
export interface ClientPolicy {
  plan: (typeof organizations.$inferSelect)["plan"];
  restrictApiByIp: boolean;
}

export async function loadClientPolicy(executor: Executor, organizationId: string): Promise<ClientPolicy> {
  const [policy] = await executor
    .select({ plan: organizations.plan, restrictApiByIp: organizations.restrictApiByIp })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  // An unknown organization is a caller bug, not user input: the session names a real one.
  if (!policy) throw new Error(`organization ${organizationId} does not exist`);
  return policy;
}

/** A plan without API access gets no clients. */
export function assertApiAccessIncluded(policy: ClientPolicy): void {
  if (!planIncludes(policy.plan, "apiAccess")) throw new ApiAccessNotInPlanError();
}

/**
 * Where the organization restricts API access by IP, every client needs at least one
 * address or range: an empty list would otherwise be ambiguous (everyone? no one?).
 */
export function assertAllowedIpsPresent(policy: ClientPolicy, allowedIps: readonly string[]): void {
  if (policy.restrictApiByIp && allowedIps.length === 0) throw new AllowedIpsRequiredError();
}
