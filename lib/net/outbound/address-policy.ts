import ipaddr from "ipaddr.js";

/**
 * Which IP addresses Latchkey refuses to call: everything that is not ordinary public
 * unicast. The check is a list of what is allowed (IPv4 `unicast`, IPv6 global unicast
 * 2000::/3), so a range ipaddr.js adds later or one nobody thought of is refused, not called.
 *
 * IPv6 forms that carry an IPv4 address inside — IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated
 * (RFC 6145), NAT64 `64:ff9b::/96` (RFC 6052) and 6to4 `2002::/16` — are judged by the IPv4
 * address they carry, so `::ffff:127.0.0.1` is loopback and NAT64 to a public address works.
 */
export interface AddressRefusal {
  /** The address as it was checked, in normal form (`::ffff:7f00:1`, `10.0.0.5`). */
  address: string;
  /** What it is, ready for a sentence: "a loopback address (127.0.0.1)". */
  description: string;
}

const IPV4_LABELS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  private: "a private address",
};

const IPV6_LABELS: Record<string, string> = {
  unspecified: "an unspecified address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  loopback: "a loopback address",
  uniqueLocal: "a private address",
  deprecatedSiteLocal: "a site-local address",
  teredo: "a Teredo tunnel address",
};

const SPECIAL_PURPOSE = "a special-purpose address";
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254"]);
const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

function describeIPv4(address: ipaddr.IPv4): string | null {
  const range = address.range();
  if (range === "unicast") return null;
  return IPV4_LABELS[range] ?? SPECIAL_PURPOSE;
}

/** The IPv4 address carried inside an IPv6 one, for the forms that carry one. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const bytes = address.toByteArray();
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") {
    return new ipaddr.IPv4(bytes.slice(12, 16));
  }
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

function describeIPv6(address: ipaddr.IPv6): string | null {
  const range = address.range();
  if (range !== "unicast") return IPV6_LABELS[range] ?? SPECIAL_PURPOSE;
  // ipaddr.js calls anything it has no name for "unicast", including the deprecated
  // IPv4-compatible ::a.b.c.d (so ::127.0.0.1) and space not allocated for global use.
  if (address.parts.slice(0, 6).every((part) => part === 0)) return "a deprecated IPv4-compatible address";
  if (!address.match(GLOBAL_UNICAST)) return SPECIAL_PURPOSE;
  return null;
}

function metadataNote(address: string): string {
  return METADATA_ADDRESSES.has(address) ? ", where cloud metadata services answer" : "";
}

/**
 * Null when the address is public unicast and may be called; otherwise what it is.
 * `text` is an IP address without brackets, as DNS returns it or the URL parser writes it.
 * A text that is not an address is refused too: only addresses known to be public are called.
 */
export function refusedAddress(text: string): AddressRefusal | null {
  if (!ipaddr.isValid(text)) return { address: text, description: "not a valid IP address" };
  const address = ipaddr.parse(text);
  const shown = address.toString();
  if (address.kind() === "ipv4") {
    const label = describeIPv4(address as ipaddr.IPv4);
    return label === null
      ? null
      : { address: shown, description: `${label} (${shown}${metadataNote(shown)})` };
  }
  const inner = embeddedIPv4(address as ipaddr.IPv6);
  if (inner) {
    const label = describeIPv4(inner);
    const carried = inner.toString();
    return label === null
      ? null
      : { address: shown, description: `${label} (${carried}${metadataNote(carried)}, written as ${shown})` };
  }
  const label = describeIPv6(address as ipaddr.IPv6);
  return label === null ? null : { address: shown, description: `${label} (${shown}${metadataNote(shown)})` };
}
