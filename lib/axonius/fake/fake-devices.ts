import { createHash } from "node:crypto";

/**
 * The fake Axonius's devices: generated from their index, so device N is the same in every
 * run and shrinking the count makes the last devices disappear upstream (as a data flow's
 * "missing since" needs). Field values come as Axonius sends them — a list, a scalar, or
 * absent — in a mix that exercises all three.
 */
export interface FakeDevice {
  type: "entity";
  id: string;
  attributes: Record<string, unknown>;
}

export interface FakeDeviceOptions {
  /** Every Nth device gets the serial of the device before it (0: never), for conflicts. */
  duplicateSerialEvery?: number;
}

export const FAKE_DEVICE_FIELDS = [
  "internal_axon_id",
  "adapters",
  "specific_data.data.hostname",
  "specific_data.data.hostname_preferred",
  "specific_data.data.device_serial",
  "specific_data.data.network_interfaces.ips",
  "specific_data.data.last_seen",
  "specific_data.data.os.type",
] as const;

const OS_TYPES = ["Windows", "Linux", "macOS", "iOS"];
const ADAPTERS = ["active_directory_adapter", "crowd_strike_adapter", "aws_adapter", "jamf_adapter"];
const EPOCH = Date.UTC(2026, 0, 1);

export function fakeAxonId(index: number): string {
  return createHash("sha256").update(`fake-axonius-device-${index}`).digest("hex").slice(0, 32);
}

function serialOf(index: number, options: FakeDeviceOptions): string {
  const every = options.duplicateSerialEvery ?? 0;
  const source = every > 0 && index > 0 && index % every === 0 ? index - 1 : index;
  return `SN${String(source + 1).padStart(7, "0")}`;
}

export function fakeDevice(index: number, options: FakeDeviceOptions = {}): FakeDevice {
  const id = fakeAxonId(index);
  const name = `host-${String(index + 1).padStart(5, "0")}`;
  const attributes: Record<string, unknown> = {
    internal_axon_id: id,
    adapters: ADAPTERS.slice(0, 1 + (index % ADAPTERS.length)),
    "specific_data.data.network_interfaces.ips": [
      `10.${((index + 1) >> 16) & 255}.${((index + 1) >> 8) & 255}.${(index + 1) & 255}`,
    ],
    "specific_data.data.last_seen": new Date(EPOCH + index * 3_600_000).toISOString(),
    "specific_data.data.os.type": OS_TYPES[index % OS_TYPES.length],
  };
  // Every 17th device has no hostname; every 5th reports two, the preferred one second.
  if (index % 17 !== 16) {
    attributes["specific_data.data.hostname"] =
      index % 5 === 0 ? [`${name}-old.corp.example`, `${name}.corp.example`] : [`${name}.corp.example`];
    attributes["specific_data.data.hostname_preferred"] = `${name}.corp.example`;
  }
  // Every 11th device has no serial; every 7th sends it as a one-element list.
  if (index % 11 !== 10) {
    const serial = serialOf(index, options);
    attributes["specific_data.data.device_serial"] = index % 7 === 3 ? [serial] : serial;
  }
  if (index % 3 === 0) {
    const ips = attributes["specific_data.data.network_interfaces.ips"] as string[];
    ips.push(`2001:db8::${index.toString(16)}`);
  }
  return { type: "entity", id, attributes };
}

/** The device with only the requested fields (`internal_axon_id` always stays). */
export function selectFields(device: FakeDevice, fields: readonly string[] | undefined): FakeDevice {
  if (!fields || fields.length === 0) return device;
  const attributes: Record<string, unknown> = { internal_axon_id: device.attributes.internal_axon_id };
  for (const field of fields) {
    if (field in device.attributes) attributes[field] = device.attributes[field];
  }
  return { ...device, attributes };
}
