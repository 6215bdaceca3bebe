import type { OutboundFailureKind } from "@/lib/net/outbound/outbound-error";

/**
 * Why a call to Axonius failed, precisely enough for the console to say so and for a data
 * flow run to decide whether to retry. The network kinds are the outbound client's; the rest
 * read Axonius's answer (DESIGN.md, "The Axonius REST API as Latchkey calls it").
 */
export type AxoniusFailureKind =
  | OutboundFailureKind
  /** The host URL cannot be normalised (see axonius-host-url.ts). */
  | "invalid_host_url"
  /** The key or secret is empty or not one line of visible characters. */
  | "invalid_credentials"
  /** 401: the key and secret were not accepted. */
  | "bad_credentials"
  /** 403: accepted, but the Axonius user lacks the permission. */
  | "missing_permission"
  /** 429, with `retryAfterSeconds` when Axonius said. */
  | "rate_limited"
  /** 202: not ready yet; retry. Never an empty page. */
  | "not_ready"
  /** 5xx. */
  | "server_error"
  /** Another status Latchkey does not expect. */
  | "http_status"
  /** The host answered, but not as the Axonius API does (404, a web page, not JSON, no facts). */
  | "not_axonius";

const RETRYABLE: ReadonlySet<AxoniusFailureKind> = new Set([
  "rate_limited",
  "not_ready",
  "server_error",
  "timeout",
  "unreachable",
]);

export class AxoniusError extends Error {
  override name = "AxoniusError";
  /** Worth retrying with back-off: 429, 202, 5xx, timeouts, a connection that failed. */
  readonly retryable: boolean;

  constructor(
    readonly kind: AxoniusFailureKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.retryable = RETRYABLE.has(kind);
  }
}
