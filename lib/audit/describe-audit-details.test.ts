import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/clients/create-client";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { updateClient } from "@/lib/clients/update-client";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { updateTokenPolicy } from "@/lib/organizations/security-settings";
import { createRole, updateRole } from "@/lib/roles/role-commands";
import { createClientTestTenant } from "@/lib/testing/client-test-support";
import { auditFieldLabel, auditValueText, describeAuditDetails } from "./describe-audit-details";

/** The details the latest event of this action recorded, as the commands wrote them. */
async function latestDetails(organizationId: string, action: string) {
  const db = await getDb();
  const [event] = await db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  if (!event) throw new Error(`no ${action} event`);
  return event.details;
}

describe("an event's details as a diff", () => {
  it("reads a client's edit: field changes and list edits under `changes`", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const { client } = await createClient(db, tenant.organizationId, tenant.actor, {
      name: "Exporter",
      permissions: ["cases:read"],
    });
    await updateClient(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      name: "Exporter 2",
      permissions: ["cases:read", "devices:read"],
    });
    const details = await latestDetails(tenant.organizationId, "api_client.updated");
    expect(describeAuditDetails("api_client.updated", details)).toEqual({
      changes: [
        { kind: "value", field: "name", from: "Exporter", to: "Exporter 2" },
        { kind: "list", field: "permissions", added: ["devices:read"], removed: [] },
      ],
      fields: [{ field: "name", value: "Exporter 2" }],
    });
  });

  it("reads a status change: a bare from and to, named by the action", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const { client } = await createClient(db, tenant.organizationId, tenant.actor, { name: "Paused" });
    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "disabled",
    });
    const details = await latestDetails(tenant.organizationId, "api_client.disabled");
    expect(describeAuditDetails("api_client.disabled", details)).toEqual({
      changes: [{ kind: "value", field: "status", from: "active", to: "disabled" }],
      fields: [{ field: "name", value: "Paused" }],
    });
  });

  it("reads a role's edit: its switches, and the grid's granted and revoked at the top level", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const { id } = await createRole(db, tenant.organizationId, tenant.actor, {
      name: "Reviewer",
      permissions: ["cases:read", "cases:update"],
    });
    await updateRole(db, tenant.organizationId, tenant.actor, {
      roleId: id,
      name: "Senior reviewer",
      restApiEnabled: true,
      permissions: ["cases:read", "evidence:read"],
    });
    const details = await latestDetails(tenant.organizationId, "role.updated");
    expect(describeAuditDetails("role.updated", details)).toEqual({
      changes: [
        { kind: "list", field: "permissions", added: ["evidence:read"], removed: ["cases:update"] },
        { kind: "value", field: "name", from: "Reviewer", to: "Senior reviewer" },
        { kind: "value", field: "restApiEnabled", from: false, to: true },
      ],
      fields: [],
    });
  });

  it("reads a policy's before and after, field by field", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    await updateTokenPolicy(db, tenant.organizationId, tenant.actor, {
      defaultTokenExpirationDays: 7,
      maxTokenExpirationDays: 365,
      allowUnexpiringTokens: true,
    });
    const details = await latestDetails(tenant.organizationId, "organization.token_policy_changed");
    expect(describeAuditDetails("organization.token_policy_changed", details)).toEqual({
      changes: [
        { kind: "value", field: "allowUnexpiringTokens", from: false, to: true },
        { kind: "value", field: "defaultTokenExpirationDays", from: 30, to: 7 },
      ],
      fields: [],
    });
  });

  it("shows what is not a change as it was recorded", () => {
    expect(describeAuditDetails("access_token.issued", { endpoint: "token", scope: ["cases:read"] })).toEqual(
      {
        changes: [],
        fields: [
          { field: "endpoint", value: "token" },
          { field: "scope", value: ["cases:read"] },
        ],
      },
    );
    expect(auditFieldLabel("graceWasUntil")).toBe("Grace was until");
    expect(auditFieldLabel("retry_after_seconds")).toBe("Retry after seconds");
    expect(auditFieldLabel("allowedIps")).toBe("Allowed IP addresses");
    expect(auditValueText(["a", "b"])).toBe("a, b");
    expect(auditValueText([])).toBe("none");
    expect(auditValueText(null)).toBe("none");
    expect(auditValueText(true)).toBe("Yes");
    expect(auditValueText({ a: 1 })).toBe('{"a":1}');
  });
});
