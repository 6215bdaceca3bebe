import { trustedClientAddress } from "@/lib/net/trusted-client-address";

/**
 * The client address Latchkey's server decided for this request (see scripts/start.ts), or
 * "unknown" when the request did not come through it (plain `next start`): a client-sent
 * address header is never believed.
 */
export function clientAddressOf(request: Request): string {
  return trustedClientAddress(request.headers);
}
