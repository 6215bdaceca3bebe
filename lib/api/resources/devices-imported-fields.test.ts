import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { devices } from "@/lib/db/schema";
import { callApi, callerFor, createApiTestTenant, createItem } from "@/lib/testing/api-test-support";
import { deviceResource } from "./devices";

async function insertImported(organizationId: string, serial: string) {
  const db = await getDb();
  const [row] = await db
    .insert(devices)
    .values({
      organizationId,
      serial,
      model: "Latitude 7440",
      type: "other",
      hostname: "host-1.corp.example",
      ipAddresses: ["10.0.0.1", "2001:db8::1"],
      lastSeenAt: new Date("2026-03-01T10:00:00Z"),
      source: "axonius",
      sourceHost: "https://axonius.example.com",
      externalId: "abc123",
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

describe("devices: fields set by imports", () => {
  it("appear in GET /api/v1/devices and match the OpenAPI response schema", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const manual = await createItem(caller, "devices", { serial: "M-1", model: "Dock", type: "dock" });
    expect(manual).toMatchObject({
      source: "manual",
      hostname: null,
      ip_addresses: [],
      source_host: null,
      external_id: null,
      missing_since: null,
      last_seen_at: null,
    });
    const imported = await insertImported(organizationId, "");
    const list = await callApi(caller, "GET", "devices?source=axonius");
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const item = list.body.data[0];
    expect(item).toMatchObject({
      id: imported.id,
      serial: "",
      type: "other",
      hostname: "host-1.corp.example",
      ip_addresses: ["10.0.0.1", "2001:db8::1"],
      last_seen_at: "2026-03-01T10:00:00.000Z",
      source: "axonius",
      source_host: "https://axonius.example.com",
      external_id: "abc123",
      missing_since: null,
    });
    expect(deviceResource.responseSchema.safeParse(item).success).toBe(true);
  });

  it("refuses writing the import's fields through the API and changes nothing", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const created = await callApi(caller, "POST", "devices", {
      body: { serial: "X-1", model: "M", type: "dock", hostname: "h" },
    });
    expect(created.status).toBe(422);
    expect(JSON.stringify(created.body)).toContain("hostname");
    const imported = await insertImported(organizationId, "SN-1");
    const patch = await callApi(caller, "PATCH", `devices/${imported.id}`, { body: { serial: "SN-2" } });
    expect(patch.status).toBe(409);
    expect(JSON.stringify(patch.body)).toContain("/serial");
    const db = await getDb();
    const [row] = await db.select().from(devices).where(eq(devices.id, imported.id));
    expect(row?.serial).toBe("SN-1");
    // What Latchkey itself owns (status, holder) stays writable.
    expect(
      (await callApi(caller, "PATCH", `devices/${imported.id}`, { body: { status: "maintenance" } })).status,
    ).toBe(200);
  });

  it("keeps serials unique only when not empty", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    await insertImported(organizationId, "");
    const second = await getDb().then((db) =>
      db
        .insert(devices)
        .values({
          organizationId,
          serial: "",
          model: "",
          type: "other",
          source: "axonius",
          sourceHost: "h",
          externalId: "2",
        })
        .returning({ id: devices.id }),
    );
    expect(second).toHaveLength(1);
    await createItem(caller, "devices", { serial: "D-1", model: "Dock", type: "dock" });
    const clash = await callApi(caller, "POST", "devices", {
      body: { serial: "D-1", model: "Dock", type: "dock" },
    });
    expect(clash.status).toBe(409);
  });
});
