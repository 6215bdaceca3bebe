import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";

/** The client address the server decided for this request (see scripts/start.ts). */
export function clientAddressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
