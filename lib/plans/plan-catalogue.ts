import type { Plan } from "@/lib/db/schema";

/** What a plan includes: every rule that depends on the plan reads it from here. */
export interface PlanFeatures {
  label: string;
  /** Programs may reach the organization's data through the API (clients, tokens, keys). */
  apiAccess: boolean;
  /** The organization may restrict API access to each client's allowed IP addresses. */
  ipRestriction: boolean;
}

/** What each plan includes (DESIGN.md: no API access on the free plan; IP restriction on Enterprise). */
export const PLANS: Record<Plan, PlanFeatures> = {
  free: { label: "Free", apiAccess: false, ipRestriction: false },
  standard: { label: "Standard", apiAccess: true, ipRestriction: false },
  enterprise: { label: "Enterprise", apiAccess: true, ipRestriction: true },
};

export function planIncludes(plan: Plan, feature: "apiAccess" | "ipRestriction"): boolean {
  return PLANS[plan][feature];
}

/** The labels of the plans that include a feature, for messages ("the Standard or Enterprise plan"). */
export function plansIncluding(feature: "apiAccess" | "ipRestriction"): string[] {
  return Object.values(PLANS)
    .filter((plan) => plan[feature])
    .map((plan) => plan.label);
}
