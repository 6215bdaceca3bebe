import { describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { createClient } from "@/lib/clients/create-client";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { getDb } from "@/lib/db/client";
import { createClientTestTenant, rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { listAuditEventsForTarget } from "./list-audit-events-for-target";

describe("listAuditEventsForTarget", () => {
  it("lists one client's events in its organization, newest first, and never a secret", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const { client, secret } = await createClient(db, tenant.organizationId, tenant.actor, {
      name: "Exporter",
    });
    const { client: sibling } = await createClient(db, tenant.organizationId, tenant.actor, {
      name: "Sibling",
    });
    const rotated = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      grace: "1h",
    });
    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "disabled",
    });

    const target = { type: "api_client", id: client.clientId };
    const events = await listAuditEventsForTarget(db, tenant.organizationId, target);
    expect(events.map((event) => event.action)).toEqual([
      "api_client.disabled",
      "api_client.secret_rotated",
      "api_client.created",
    ]);
    expect(events[0]).toMatchObject({ actorLabel: tenant.actor.label, ip: tenant.actor.ip });
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain(rotated?.secret ?? "unreachable");
    expect(serialized).not.toContain(sibling.clientId);

    expect(await listAuditEventsForTarget(db, tenant.organizationId, target, 1)).toHaveLength(1);
    const other = await createClientTestTenant();
    expect(await listAuditEventsForTarget(db, other.organizationId, target)).toEqual([]);
  });
});
