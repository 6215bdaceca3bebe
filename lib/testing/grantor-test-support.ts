import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { getDb } from "@/lib/db/client";
import { roles } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { createClientTestTenant } from "@/lib/testing/client-test-support";
import { createTestUser } from "@/lib/testing/factories";

/** Helpers for the grantor's-ceiling tests (not a test itself). */

/** What the deputy's role holds: less than a Site Administrator. */
export const DEPUTY_GRID: Scope[] = ["cases:read", "cases:create", "users:read", "devices:read"];

/**
 * An organization with its Site Administrator (`actor`) and a deputy: a console administrator
 * whose role is not Site Administrator and holds only DEPUTY_GRID.
 */
export async function createTenantWithDeputy() {
  const tenant = await createClientTestTenant();
  const [deputyRole] = await (await getDb())
    .insert(roles)
    .values({
      organizationId: tenant.organizationId,
      name: "Deputy",
      consoleAdmin: true,
      restApiEnabled: true,
      permissions: DEPUTY_GRID,
    })
    .returning();
  if (!deputyRole) throw new Error("deputy role not created");
  const deputy = await createTestUser(tenant.organizationId, deputyRole.id, "deputy");
  const deputyActor: AuditActor = { type: "user", id: deputy.id, label: deputy.email, ip: "203.0.113.8" };
  const deputyConsoleUser: ConsoleUser = {
    id: deputy.id,
    email: deputy.email,
    name: deputy.name,
    ip: "203.0.113.8",
    userAgent: null,
    organization: {
      id: tenant.organization.id,
      name: tenant.organization.name,
      partnerId: tenant.organization.partnerId,
      plan: tenant.organization.plan,
    },
    role: { id: deputyRole.id, name: deputyRole.name, consoleAdmin: true },
  };
  return { ...tenant, deputyRole, deputy, deputyActor, deputyConsoleUser };
}
