import type { UsageEndpoint, UsageOutcome } from "./usage-outcomes";
import type { UsageSubject } from "./usage-subject";

/**
 * Whom a request counts for. A caller the server authenticated (or knew and refused) is a
 * subject; refused credentials that name a client or present a personal token are attributed
 * when the batch is written, off the request path, so that a refusal costs no extra look-up
 * and answers exactly as before. What cannot be attributed then is left out.
 */
export type UsageAttribution =
  | { kind: "subject"; subject: UsageSubject }
  | { kind: "named_client"; clientId: string }
  | { kind: "presented_token"; tokenHash: string };

/** One request, as usage counts it. */
export interface UsageEvent {
  attribution: UsageAttribution;
  endpoint: UsageEndpoint;
  outcome: UsageOutcome;
  /** The catalogue scope of the operation; '' when none applies (the token endpoint, an unknown path). */
  scope: string;
  ip: string;
  userAgent: string;
  /**
   * The client secret that authenticated the request, directly (api-key/api-secret, the token
   * endpoint) or through the access token it obtained (the token's `lk_sid`).
   */
  secretId?: string;
  /** When it happened (ms since the epoch). */
  at: number;
}

/** A user agent as usage keeps it: bounded, one line. */
export function keptUserAgent(value: string | null): string {
  return (value ?? "").replace(/[\r\n\t]+/g, " ").slice(0, 256);
}
