import { HostUrlRefusedError } from "./credential-errors";
import type { HostUrlRules } from "./host-url";

/**
 * What the create and update commands need from the outbound client: the network-level
 * check of a host URL (the address it resolves to, the allow-list), and which plain-http
 * URLs the allow-list admits. The server action wires the outbound client's own checks here.
 */
export interface HostUrlGuard extends HostUrlRules {
  /** Null when the URL may be reached; otherwise the reason, shown under the host field as it is. */
  checkHostUrl: (url: string) => Promise<string | null>;
}

/** Runs the guard's check; HostUrlRefusedError (on the host field) when it refuses. */
export async function assertHostUrlAllowed(guard: HostUrlGuard, url: string): Promise<void> {
  const reason = await guard.checkHostUrl(url);
  if (reason !== null) throw new HostUrlRefusedError(reason);
}
