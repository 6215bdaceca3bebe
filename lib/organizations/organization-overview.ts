import { and, count, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { cases, devices, evidence, organizations, users } from "@/lib/db/schema";

/** The figures the dashboard shows for one organization. */
export async function getOrganizationOverview(executor: Executor, organizationId: string) {
  const [organization] = await executor
    .select({
      name: organizations.name,
      plan: organizations.plan,
      securityLevel: organizations.securityLevel,
      restrictApiByIp: organizations.restrictApiByIp,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const countOf = async (table: typeof cases | typeof evidence | typeof devices) => {
    const [row] = await executor
      .select({ value: count() })
      .from(table)
      .where(eq(table.organizationId, organizationId));
    return row?.value ?? 0;
  };
  const activeUsers = async () => {
    const [row] = await executor
      .select({ value: count() })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.active, true)));
    return row?.value ?? 0;
  };
  const [activeUserCount, caseCount, evidenceCount, deviceCount] = await Promise.all([
    activeUsers(),
    countOf(cases),
    countOf(evidence),
    countOf(devices),
  ]);
  return {
    organization,
    counts: { activeUsers: activeUserCount, cases: caseCount, evidence: evidenceCount, devices: deviceCount },
  };
}

export const PLAN_LABELS = { free: "Free", standard: "Standard", enterprise: "Enterprise" } as const;
