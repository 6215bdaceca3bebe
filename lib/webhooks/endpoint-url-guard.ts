import type { HostUrlGuard } from "@/lib/outbound-credentials/host-url-check";
import { outboundHostUrlGuard } from "@/lib/outbound-credentials/outbound-host-url-guard";
import { EndpointUrlRefusedError } from "./webhook-errors";

/**
 * Endpoint URLs pass the same guard as outbound credentials' host URLs: the outbound client's
 * save-time check (what the host resolves to, the allow-list) and plain http only for a listed
 * host:port. The deliveries go through the same client, which checks again at connect time.
 */
export type EndpointUrlGuard = HostUrlGuard;

/** This process's guard, from LATCHKEY_OUTBOUND_ALLOW_HOSTS. */
export function endpointUrlGuard(): EndpointUrlGuard {
  return outboundHostUrlGuard();
}

/** Runs the guard's network check; EndpointUrlRefusedError (on the URL field) when it refuses. */
export async function assertEndpointUrlAllowed(guard: EndpointUrlGuard, url: string): Promise<void> {
  const reason = await guard.checkHostUrl(url);
  if (reason !== null) throw new EndpointUrlRefusedError(reason);
}
