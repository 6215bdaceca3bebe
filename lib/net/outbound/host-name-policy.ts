/**
 * Host names that name this machine or its own network rather than a place on the internet.
 * They are refused before any DNS look-up, because what they resolve to depends on the
 * server's own resolver, hosts file and search domains. The resolved addresses are checked
 * as well; this list only gives the clearer message and closes names that resolve late.
 *
 * - `localhost` and `*.localhost` (RFC 6761), `localhost.localdomain`, `ip6-localhost`,
 *   `ip6-loopback` (common hosts-file names for loopback);
 * - `*.local` (multicast DNS, RFC 6762), `*.home.arpa` (RFC 8375), `*.internal` (reserved for
 *   private use), `*.localdomain`;
 * - names of a single label (`intranet`, `metadata`), which the resolver completes with the
 *   server's search domains.
 */
const LOCAL_NAMES = new Set(["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"]);
const LOCAL_SUFFIXES = [".localhost", ".local", ".home.arpa", ".internal", ".localdomain"];

/** Null when the name may be looked up; otherwise the sentence that says why not. */
export function refusedHostName(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (LOCAL_NAMES.has(name) || LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    return `The host ${hostname} is a local name, which Latchkey does not call`;
  }
  if (!name.includes(".")) {
    return `The host ${hostname} is not a full domain name (such as your-instance.axonius.com), which Latchkey does not call`;
  }
  return null;
}
