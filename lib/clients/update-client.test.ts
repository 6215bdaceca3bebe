import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEventsOf, createClientTestTenant } from "@/lib/testing/client-test-support";
import { DUPLICATE_CLIENT_NAME } from "./client-errors";
import { createClient } from "./create-client";
import { findClientForOrganization } from "./find-client";
import { updateClient } from "./update-client";

async function newClient() {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const created = await createClient(db, tenant.organizationId, tenant.actor, {
    name: "Case importer",
    description: "Imports cases",
    allowedIps: ["192.0.2.0/24"],
    permissions: ["cases:read", "cases:create"],
  });
  return { db, ...tenant, ...created };
}

describe("updateClient", () => {
  it("changes the given fields and audits a diff of the permissions", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const updated = await updateClient(db, organizationId, actor, {
      clientId: client.clientId,
      name: "Case importer v2",
      allowedIps: "192.0.2.0/24\n198.51.100.7/32",
      permissions: ["cases:read", "evidence:read"],
    });
    expect(updated).toMatchObject({
      name: "Case importer v2",
      description: "Imports cases",
      allowedIps: ["192.0.2.0/24", "198.51.100.7"],
      permissions: ["cases:read", "evidence:read"],
    });
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(client.updatedAt.getTime());
    const event = (await auditEventsOf(organizationId)).find((e) => e.action === "api_client.updated");
    expect(event).toMatchObject({ targetType: "api_client", targetId: client.clientId, actorId: actor.id });
    expect(event?.details).toEqual({
      name: "Case importer v2",
      changes: {
        name: { from: "Case importer", to: "Case importer v2" },
        allowedIps: { added: ["198.51.100.7"], removed: [] },
        permissions: { granted: ["evidence:read"], revoked: ["cases:create"] },
      },
    });
  });

  it("writes nothing when nothing changes", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const same = await updateClient(db, organizationId, actor, {
      clientId: client.clientId,
      name: " Case importer ",
      permissions: ["cases:create", "cases:read"],
    });
    expect(same).toEqual(client);
    expect((await auditEventsOf(organizationId)).map((e) => e.action)).not.toContain("api_client.updated");
  });

  it("may change only the case of the name", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const updated = await updateClient(db, organizationId, actor, {
      clientId: client.clientId,
      name: "CASE IMPORTER",
    });
    expect(updated?.name).toBe("CASE IMPORTER");
  });

  it("refuses a name another client has and changes nothing", async () => {
    const { db, organizationId, actor, client } = await newClient();
    await createClient(db, organizationId, actor, { name: "Report generator" });
    await expect(
      updateClient(db, organizationId, actor, { clientId: client.clientId, name: "report generator" }),
    ).rejects.toMatchObject({ field: "name", message: DUPLICATE_CLIENT_NAME });
    expect(await findClientForOrganization(db, organizationId, client.clientId)).toEqual(client);
  });
});
