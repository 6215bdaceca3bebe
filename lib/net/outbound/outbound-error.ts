/**
 * Why an outbound call did not happen or did not finish. Every message is Latchkey's own
 * sentence: nothing the remote host sent (its body, its error text) is ever put into one,
 * so an error can be shown to an administrator without reflecting another server's content.
 */
export type OutboundFailureKind =
  /** Not a URL Latchkey can read (malformed, too long). */
  | "invalid_url"
  /** A URL Latchkey refuses to call: another scheme, plain http, a user name or password in it. */
  | "refused_url"
  /** The host is, or resolves to, an address or name Latchkey does not call. */
  | "refused_address"
  /** The host name does not resolve. */
  | "unresolvable"
  /** The connection was refused, reset or has no route. */
  | "unreachable"
  /** The TLS handshake failed: untrusted, expired or wrong certificate, or no TLS at all. */
  | "tls"
  /** No connection, or no complete answer, within the time allowed. */
  | "timeout"
  /** The answer is larger than the caller accepts. */
  | "too_large"
  /** The host answered with a redirect, which Latchkey does not follow. */
  | "redirect_refused"
  /** The answer was not valid HTTP. */
  | "protocol";

export class OutboundError extends Error {
  override name = "OutboundError";

  /**
   * @param code the underlying system or undici error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`),
   *   for diagnostics. The underlying error itself is not kept: some carry the bytes the
   *   remote host sent (undici's parser errors do), and an error may end up in a log.
   */
  constructor(
    readonly kind: OutboundFailureKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return error instanceof OutboundError;
}
