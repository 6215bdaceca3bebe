import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { devices } from "@/lib/db/schema";
import { createTestOrganization } from "@/lib/testing/factories";
import { deviceListParamsSchema } from "./device-list-params";
import { countDevicesFromSource, listDevicesForConsole } from "./list-devices-for-console";

const HOST = "https://axonius.example.com";

async function organizationWithDevices() {
  const db = await getDb();
  const { organization } = await createTestOrganization();
  const row = (fields: Partial<typeof devices.$inferInsert>) => ({
    organizationId: organization.id,
    serial: "",
    model: "Latitude 7440",
    type: "other" as const,
    ...fields,
  });
  await db.insert(devices).values([
    row({ serial: "CAM-1", model: "Body camera 4", type: "body_camera" }),
    row({ hostname: "lab-01.corp.example", source: "axonius", sourceHost: HOST, externalId: "a1" }),
    row({
      hostname: "lab-02.corp.example",
      serial: "SN-2",
      source: "axonius",
      sourceHost: HOST,
      externalId: "a2",
      missingSince: new Date("2026-11-30T00:00:00Z"),
    }),
    row({ hostname: "ops-01", source: "axonius", sourceHost: "https://other.example.com", externalId: "a1" }),
  ]);
  return organization.id;
}

const list = async (organizationId: string, params: Record<string, string> = {}) => {
  const page = await listDevicesForConsole(
    await getDb(),
    organizationId,
    deviceListParamsSchema.parse(params),
  );
  return { total: page.total, names: page.devices.map((device) => device.hostname ?? device.serial) };
};

describe("listDevicesForConsole", () => {
  it("lists every source, filters by source, instance and missing, and searches hostname, serial and model", async () => {
    const organizationId = await organizationWithDevices();
    expect(await list(organizationId)).toEqual({
      total: 4,
      names: ["lab-01.corp.example", "lab-02.corp.example", "ops-01", "CAM-1"],
    });
    expect(await list(organizationId, { source: "manual" })).toEqual({ total: 1, names: ["CAM-1"] });
    expect((await list(organizationId, { source: "axonius" })).total).toBe(3);
    expect(await list(organizationId, { source: "axonius", host: HOST })).toEqual({
      total: 2,
      names: ["lab-01.corp.example", "lab-02.corp.example"],
    });
    expect(await list(organizationId, { source: "missing" })).toEqual({
      total: 1,
      names: ["lab-02.corp.example"],
    });
    expect((await list(organizationId, { q: "LAB-0" })).total).toBe(2);
    expect(await list(organizationId, { q: "sn-2" })).toEqual({ total: 1, names: ["lab-02.corp.example"] });
    expect(await list(organizationId, { q: "camera" })).toEqual({ total: 1, names: ["CAM-1"] });
    expect((await list(organizationId, { sort: "hostname", dir: "desc" })).names).toEqual([
      "ops-01",
      "lab-02.corp.example",
      "lab-01.corp.example",
      "CAM-1",
    ]);
    expect(await list(organizationId, { pageSize: "10", page: "2" })).toEqual({ total: 4, names: [] });
    expect(await countDevicesFromSource(await getDb(), organizationId, HOST)).toBe(2);
  });

  it("falls back to defaults for odd parameters, and shows nothing of another organization", async () => {
    const organizationId = await organizationWithDevices();
    const other = await createTestOrganization();
    expect(
      deviceListParamsSchema.parse({ source: "elsewhere", sort: "secret", pageSize: "7", page: "-1" }),
    ).toMatchObject({
      source: "all",
      sort: "hostname",
      pageSize: 25,
      page: 1,
    });
    expect(await list(other.organization.id)).toEqual({ total: 0, names: [] });
    expect(await countDevicesFromSource(await getDb(), other.organization.id, HOST)).toBe(0);
    expect((await list(organizationId)).total).toBe(4);
  });
});
