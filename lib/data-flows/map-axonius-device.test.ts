import { describe, expect, it } from "vitest";
import { fakeDevice } from "@/lib/axonius/fake/fake-devices";
import { mapAxoniusDevice } from "./map-axonius-device";

const device = (attributes: Record<string, unknown>, id: string | null = "axon-1") => ({
  internalAxonId: id,
  attributes,
});

describe("mapAxoniusDevice", () => {
  it("takes the preferred hostname first, a serial sent as a list, addresses deduplicated", () => {
    expect(
      mapAxoniusDevice(
        device({
          "specific_data.data.hostname": ["old.corp", "new.corp"],
          "specific_data.data.hostname_preferred": "new.corp",
          "specific_data.data.device_serial": ["SN1"],
          "specific_data.data.device_model": "Latitude",
          "specific_data.data.network_interfaces.ips": [
            ["10.0.0.1", "::ffff:10.0.0.1"],
            "2001:db8::1",
            "N/A",
          ],
          "specific_data.data.last_seen": "2026-03-01T10:00:00Z",
        }),
      ),
    ).toEqual({
      ok: true,
      device: {
        externalId: "axon-1",
        hostname: "new.corp",
        serial: "SN1",
        model: "Latitude",
        ipAddresses: ["10.0.0.1", "2001:db8::1"],
        lastSeenAt: new Date("2026-03-01T10:00:00Z"),
      },
    });
  });

  it("falls back to the first hostname, and leaves absent fields empty", () => {
    const result = mapAxoniusDevice(device({ "specific_data.data.hostname": ["a.corp", "b.corp"] }));
    expect(result).toEqual({
      ok: true,
      device: {
        externalId: "axon-1",
        hostname: "a.corp",
        serial: "",
        model: "",
        ipAddresses: [],
        lastSeenAt: null,
      },
    });
  });

  it.each([
    [device({}, null), "missing_internal_axon_id"],
    [device({ "specific_data.data.hostname": { name: "x" } }), "invalid_hostname"],
    [device({ "specific_data.data.device_serial": "x".repeat(256) }), "invalid_serial"],
    [device({ "specific_data.data.device_model": [true] }), "invalid_model"],
    [device({ "specific_data.data.network_interfaces.ips": [1, 2] }), "invalid_ip_addresses"],
    [device({ "specific_data.data.last_seen": "yesterday-ish" }), "invalid_last_seen"],
  ])("skips a malformed record with its reason (%#)", (input, reason) => {
    expect(mapAxoniusDevice(input)).toEqual({ ok: false, reason });
  });

  it("maps every shape the fake Axonius sends", () => {
    for (let index = 0; index < 40; index += 1) {
      const fake = fakeDevice(index);
      const result = mapAxoniusDevice({
        internalAxonId: fake.attributes.internal_axon_id as string,
        attributes: fake.attributes,
      });
      expect(result.ok, String(index)).toBe(true);
    }
  });
});
