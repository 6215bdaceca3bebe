import { eq, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { FormError } from "@/lib/forms/action-state";
import { planIncludes, plansIncluding } from "@/lib/plans/plan-catalogue";
import { type SetIpRestrictionInput, setIpRestrictionSchema } from "./ip-restriction-schema";

export const IP_RESTRICTION_NOT_IN_PLAN = `Restricting API access by IP is included in the ${plansIncluding("ipRestriction").join(" and ")} plan only.`;

/** Only a plan that includes IP restriction may switch it on. */
export class IpRestrictionNotInPlanError extends FormError {
  constructor() {
    super(IP_RESTRICTION_NOT_IN_PLAN);
    this.name = "IpRestrictionNotInPlanError";
  }
}

export interface IpRestrictionChange {
  from: boolean;
  to: boolean;
}

/**
 * Switches "Restrict API access by IP" for the organization and audits the change
 * (organization.ip_restriction_changed, with from/to). Switching it on needs the enterprise
 * plan; switching it off is always allowed, so an organization that left enterprise can
 * still lift a restriction it no longer pays for. Setting the current value changes nothing
 * and writes no event. The row is locked so two administrators' clicks audit in order.
 */
export async function setIpRestriction(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: SetIpRestrictionInput,
): Promise<IpRestrictionChange> {
  const { enabled } = setIpRestrictionSchema.parse(input);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ plan: organizations.plan, restrictApiByIp: organizations.restrictApiByIp })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update")
      .limit(1);
    // The session names a real organization; a missing one is a caller bug, not user input.
    if (!current) throw new Error(`organization ${organizationId} does not exist`);
    if (enabled && !planIncludes(current.plan, "ipRestriction")) throw new IpRestrictionNotInPlanError();
    const change = { from: current.restrictApiByIp, to: enabled };
    if (change.from === change.to) return change;
    await tx
      .update(organizations)
      .set({ restrictApiByIp: enabled, updatedAt: sql`now()` })
      .where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "organization.ip_restriction_changed",
      targetType: "organization",
      targetId: organizationId,
      details: change,
    });
    return change;
  });
}
