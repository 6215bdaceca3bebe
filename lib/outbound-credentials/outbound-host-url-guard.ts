import { type AllowHosts, isAllowListed, parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { checkOutboundUrl, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import type { HostUrlGuard } from "./host-url-check";

/**
 * The host URL guard the console's credential actions pass to the create and update
 * commands: the outbound client's own save-time check (the address the host resolves to,
 * the allow-list), and plain http only for a host:port listed in LATCHKEY_OUTBOUND_ALLOW_HOSTS
 * — the same list, compared the same way, as the client that will make the calls.
 */
export function createHostUrlGuard(options: {
  checkUrl: OutboundClient["checkUrl"];
  allowHosts: AllowHosts;
}): HostUrlGuard {
  return {
    checkHostUrl: async (url) => {
      const checked = await options.checkUrl(url);
      return checked.ok ? null : checked.message;
    },
    allowsPlainHttp: (url) =>
      url.protocol === "http:" && isAllowListed(options.allowHosts, url.protocol, url.hostname, url.port),
  };
}

/** The guard of this process: its guarded client, and the allow-list from the environment. */
export function outboundHostUrlGuard(env: Record<string, string | undefined> = process.env): HostUrlGuard {
  return createHostUrlGuard({
    checkUrl: checkOutboundUrl,
    allowHosts: parseAllowHosts(env.LATCHKEY_OUTBOUND_ALLOW_HOSTS),
  });
}
