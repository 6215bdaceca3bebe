import ipaddr from "ipaddr.js";

/**
 * One entry of an IP allow list, as an administrator types it. The rule, strictest where
 * a lenient parser would silently allow something other than what was meant:
 *
 * - An entry is one IPv4 or IPv6 address, or one CIDR range `address/prefix`.
 * - IPv4 is exactly four dotted decimal numbers 0–255 without leading zeros. ipaddr.js (like
 *   `inet_aton`) also reads `10.1` as 10.0.0.1, `167772161` and `0x0a.0.0.1` as 10.0.0.1 and
 *   `010.0.0.1` as 8.0.0.1 (octal); all of these are refused, because the admin who types
 *   `10.1` most likely meant a range, not one address.
 * - IPv6 in any valid notation; an embedded dotted IPv4 part only as IPv4-mapped
 *   `::ffff:a.b.c.d`. Zone IDs (`fe80::1%eth0`) are refused: they name an interface of the
 *   machine that wrote them and mean nothing to the server.
 * - The prefix is a decimal 0–32 (IPv4) or 0–128 (IPv6). A range whose address has bits set
 *   past the prefix (`10.0.0.1/8`) is refused with the range it probably meant, rather than
 *   widened or narrowed silently.
 * - Normal form: IPv6 compressed lower case (RFC 5952); IPv4-mapped IPv6 becomes IPv4
 *   (`::ffff:10.0.0.0/104` → `10.0.0.0/8`); a full-length prefix (`/32`, `/128`) becomes the
 *   plain address, so `10.0.0.1/32` and `10.0.0.1` are the same entry.
 */
export type ParsedAllowListEntry = { ok: true; value: string } | { ok: false; reason: string };

const NOT_AN_ADDRESS = "not an IP address or CIDR range";
const DOTTED_NUMBERS = /^\d+\.\d+\.\d+\.\d+$/;
const DECIMAL_PREFIX = /^(0|[1-9]\d{0,2})$/;
const IPV4_MAPPED_HEAD = [0, 0, 0, 0, 0, 0xffff];

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function parseIPv4(text: string): Address | string {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (DOTTED_NUMBERS.test(text)) {
    const parts = text.split(".");
    if (parts.some((part) => Number(part) > 255)) {
      return "not an IP address: each of the four numbers must be 0–255";
    }
    return "leading zeros are not allowed (some systems read them as octal)";
  }
  if (ipaddr.IPv4.isValid(text)) {
    return "shorthand IPv4 forms are not accepted; write all four numbers, e.g. 10.0.0.1 or 10.0.0.0/8";
  }
  return NOT_AN_ADDRESS;
}

function parseIPv6(text: string): Address | string {
  if (!ipaddr.IPv6.isValid(text)) return NOT_AN_ADDRESS;
  if (!text.includes(".")) return ipaddr.IPv6.parse(text);
  // ipaddr.js reads any embedded IPv4 leniently (even `::1.2.3.4` comes out as IPv4-mapped),
  // so the dotted part and the head before it are checked here.
  const lastColon = text.lastIndexOf(":");
  const dotted = text.slice(lastColon + 1);
  const head = ipaddr.IPv6.parse(`${text.slice(0, lastColon + 1)}0:0`).parts.slice(0, 6);
  if (!ipaddr.IPv4.isValidFourPartDecimal(dotted) || head.some((part, i) => part !== IPV4_MAPPED_HEAD[i])) {
    return "an IPv6 address may contain a dotted IPv4 part only as ::ffff:a.b.c.d";
  }
  return ipaddr.IPv6.parse(text);
}

function parseAddress(text: string): Address | string {
  return text.includes(":") ? parseIPv6(text) : parseIPv4(text);
}

/** IPv4-mapped IPv6 becomes IPv4: the server sees such peers as IPv4 too (see normalizeAddress). */
function unmapRange(address: Address, prefix: number): [Address, number] {
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), prefix - 96];
  }
  return [address, prefix];
}

function formatRange(address: Address, prefix: number): string {
  const bits = address.kind() === "ipv4" ? 32 : 128;
  return prefix === bits ? address.toString() : `${address.toString()}/${prefix}`;
}

function networkAddress(address: Address, prefix: number): Address {
  const cidr = `${address.toString()}/${prefix}`;
  return address.kind() === "ipv4"
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
    : ipaddr.IPv6.networkAddressFromCIDR(cidr);
}

/** Parses one trimmed, non-empty entry into its normal form, or says why it is refused. */
export function parseAllowListEntry(text: string): ParsedAllowListEntry {
  if (text.includes("%")) {
    return { ok: false, reason: "zone IDs (the %… part) are not allowed; remove the interface name" };
  }
  if (/[\s,;]/.test(text)) return { ok: false, reason: "put one address or range per line" };
  const pieces = text.split("/");
  if (pieces.length > 2) return { ok: false, reason: NOT_AN_ADDRESS };
  const [addressText = "", prefixText] = pieces;
  const parsed = parseAddress(addressText);
  if (typeof parsed === "string") return { ok: false, reason: parsed };
  const maxPrefix = parsed.kind() === "ipv4" ? 32 : 128;
  if (prefixText === undefined) return { ok: true, value: formatRange(...unmapRange(parsed, maxPrefix)) };

  if (!DECIMAL_PREFIX.test(prefixText) || Number(prefixText) > maxPrefix) {
    const family = parsed.kind() === "ipv4" ? "IPv4" : "IPv6";
    return { ok: false, reason: `prefix length must be a whole number from 0 to ${maxPrefix} for ${family}` };
  }
  const [address, prefix] = unmapRange(parsed, Number(prefixText));
  const network = networkAddress(address, prefix);
  if (network.toString() !== address.toString()) {
    return { ok: false, reason: `host bits set; did you mean ${formatRange(network, prefix)}?` };
  }
  return { ok: true, value: formatRange(address, prefix) };
}
