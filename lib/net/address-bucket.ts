import ipaddr from "ipaddr.js";

/**
 * The unit in which guesses are counted per address: an IPv4 address itself, an IPv6
 * address's /64 (one subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would let one attacker rotate through 2^64 of them). Anything unparsable counts as one bucket.
 */
export function addressBucket(ip: string): string {
  if (!ipaddr.isValid(ip)) return "unknown";
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
