import ipaddr from "ipaddr.js";

/** The header through which the server hands the one decided client address to Next and handlers. */
export const CLIENT_ADDRESS_HEADER = "x-latchkey-client-ip";

/** The header carrying the server's proof that it set the address (see ./trusted-client-address.ts). */
export const CLIENT_ADDRESS_PROOF_HEADER = "x-latchkey-client-ip-proof";

/** Headers a client could use to claim another address; the server strips them all. */
export const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_PROOF_HEADER,
] as const;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses an address, turning IPv4-mapped IPv6 (`::ffff:10.0.0.1`) into plain IPv4. */
export function normalizeAddress(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!ipaddr.isValid(trimmed)) return undefined;
  return ipaddr.process(trimmed).toString();
}

/** Parses `LATCHKEY_TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges. */
export function parseTrustedProxies(raw: string | undefined): Range[] {
  if (!raw || raw.trim() === "") return [];
  return raw.split(",").map((entry) => {
    const value = entry.trim();
    try {
      if (value.includes("/")) return ipaddr.parseCIDR(value);
      const address = ipaddr.process(value);
      return [address, address.kind() === "ipv4" ? 32 : 128] as Range;
    } catch {
      throw new Error(`LATCHKEY_TRUSTED_PROXIES: "${value}" is not an IP address or CIDR range`);
    }
  });
}

function isTrusted(address: string, trusted: readonly Range[]): boolean {
  const parsed = ipaddr.process(address);
  return trusted.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case
 * the right-most `X-Forwarded-For` hop that is not itself a trusted proxy.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: readonly Range[],
): string {
  const peerAddress = peer ? normalizeAddress(peer) : undefined;
  if (!peerAddress) return "unknown";
  if (trusted.length === 0 || !forwardedFor || !isTrusted(peerAddress, trusted)) return peerAddress;
  const hops = forwardedFor.split(",").map((hop) => hop.trim());
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index] ?? "");
    if (!hop) return peerAddress; // a malformed hop: trust nothing to its left
    if (!isTrusted(hop, trusted)) return hop;
  }
  return peerAddress;
}
