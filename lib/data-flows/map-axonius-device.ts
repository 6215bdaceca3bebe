import ipaddr from "ipaddr.js";
import type { AxoniusDevice } from "@/lib/axonius/fetch-axonius-devices-page";

/**
 * From an Axonius device to the Latchkey device fields an import sets (DESIGN.md, Import
 * rules). The mapping shown read-only in the wizard is AXONIUS_DEVICE_MAPPING; the fields
 * requested from Axonius are AXONIUS_DEVICE_FIELDS. Values may come as a scalar, a list, or
 * be absent; a value of the wrong kind makes the record malformed (skipped with a reason).
 */
export const AXONIUS_DEVICE_MAPPING = [
  {
    axonius: "specific_data.data.hostname_preferred, else specific_data.data.hostname",
    latchkey: "hostname",
  },
  { axonius: "specific_data.data.device_serial", latchkey: "serial" },
  { axonius: "specific_data.data.device_model", latchkey: "model" },
  { axonius: "specific_data.data.network_interfaces.ips", latchkey: "ip_addresses" },
  { axonius: "specific_data.data.last_seen", latchkey: "last_seen_at" },
] as const;

export const AXONIUS_DEVICE_FIELDS = [
  "internal_axon_id",
  "specific_data.data.hostname_preferred",
  "specific_data.data.hostname",
  "specific_data.data.device_serial",
  "specific_data.data.device_model",
  "specific_data.data.network_interfaces.ips",
  "specific_data.data.last_seen",
] as const;

export interface MappedDevice {
  externalId: string;
  hostname: string | null;
  serial: string;
  model: string;
  ipAddresses: string[];
  lastSeenAt: Date | null;
}

export type SkipReason =
  | "missing_internal_axon_id"
  | "invalid_hostname"
  | "invalid_serial"
  | "invalid_model"
  | "invalid_ip_addresses"
  | "invalid_last_seen"
  | "duplicate_in_page"
  | "conflict";

export type MappingResult = { ok: true; device: MappedDevice } | { ok: false; reason: SkipReason };

const MAX_TEXT = 255;
const MAX_ADDRESSES = 256;
const NOT_TEXT = Symbol("not text");

/** The first non-empty text of a scalar or a list (lists of lists flattened once), null when none. */
function firstText(value: unknown): string | null | typeof NOT_TEXT {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") {
    const text = String(value).trim();
    if (text.length > MAX_TEXT) return NOT_TEXT;
    return text === "" ? null : text;
  }
  if (Array.isArray(value)) {
    for (const item of value.flat()) {
      const text = firstText(item);
      if (text === NOT_TEXT) return NOT_TEXT;
      if (text !== null) return text;
    }
    return null;
  }
  return NOT_TEXT;
}

function addressesOf(value: unknown): string[] | typeof NOT_TEXT {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.flat() : [value];
  const addresses = new Set<string>();
  for (const item of items) {
    if (typeof item !== "string") return NOT_TEXT;
    const text = item.trim();
    // Entries that are not addresses (an empty string, "N/A") are left out, not fatal.
    if (!ipaddr.isValid(text)) continue;
    const parsed = ipaddr.parse(text);
    const address =
      parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
        ? (parsed as ipaddr.IPv6).toIPv4Address().toString()
        : parsed.toString();
    addresses.add(address);
    if (addresses.size > MAX_ADDRESSES) return NOT_TEXT;
  }
  return [...addresses];
}

function dateOf(value: unknown): Date | null | typeof NOT_TEXT {
  const text = firstText(value);
  if (text === null || text === NOT_TEXT) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? NOT_TEXT : date;
}

export function mapAxoniusDevice(device: AxoniusDevice): MappingResult {
  if (device.internalAxonId === null || device.internalAxonId.length > MAX_TEXT) {
    return { ok: false, reason: "missing_internal_axon_id" };
  }
  const a = device.attributes;
  const preferred = firstText(a["specific_data.data.hostname_preferred"]);
  const hostname = preferred === null ? firstText(a["specific_data.data.hostname"]) : preferred;
  if (hostname === NOT_TEXT) return { ok: false, reason: "invalid_hostname" };
  const serial = firstText(a["specific_data.data.device_serial"]);
  if (serial === NOT_TEXT) return { ok: false, reason: "invalid_serial" };
  const model = firstText(a["specific_data.data.device_model"]);
  if (model === NOT_TEXT) return { ok: false, reason: "invalid_model" };
  const ipAddresses = addressesOf(a["specific_data.data.network_interfaces.ips"]);
  if (ipAddresses === NOT_TEXT) return { ok: false, reason: "invalid_ip_addresses" };
  const lastSeenAt = dateOf(a["specific_data.data.last_seen"]);
  if (lastSeenAt === NOT_TEXT) return { ok: false, reason: "invalid_last_seen" };
  return {
    ok: true,
    device: {
      externalId: device.internalAxonId,
      hostname,
      serial: serial ?? "",
      model: model ?? "",
      ipAddresses,
      lastSeenAt,
    },
  };
}
