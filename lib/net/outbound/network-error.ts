import { errors } from "undici";
import { describeSeconds } from "./describe-limit";
import { OutboundError } from "./outbound-error";

/**
 * Turns what undici and Node throw into an OutboundError with Latchkey's own sentence and the
 * underlying code. The original error's text (which can quote addresses, the peer's TLS alert
 * or, for a parser error, the bytes the peer sent) goes nowhere.
 */
export interface NetworkErrorContext {
  host: string;
  connectTimeoutMs: number;
  timeoutMs: number;
}

const UNTRUSTED_CERTIFICATE = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

function tlsMessage(code: string, host: string): string | null {
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return `The TLS certificate of ${host} is not trusted (self-signed or from an unknown authority)`;
  }
  if (code === "CERT_HAS_EXPIRED") return `The TLS certificate of ${host} has expired`;
  if (code === "CERT_NOT_YET_VALID") return `The TLS certificate of ${host} is not valid yet`;
  if (code === "CERT_REVOKED") return `The TLS certificate of ${host} has been revoked`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return `The TLS certificate presented does not name ${host}`;
  if (
    code.startsWith("ERR_SSL_") ||
    code.startsWith("ERR_TLS_") ||
    code === "EPROTO" ||
    code.startsWith("CERT_")
  ) {
    return `A secure (TLS) connection to ${host} could not be established`;
  }
  return null;
}

function unreachableMessage(code: string, host: string): string {
  if (code === "ECONNREFUSED") return `The host ${host} refused the connection`;
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `There is no network route to ${host}`;
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET" || code === "UND_ERR_CLOSED") {
    return `The host ${host} closed the connection before answering`;
  }
  return `The connection to ${host} failed`;
}

export function toOutboundError(error: unknown, context: NetworkErrorContext): OutboundError {
  if (error instanceof OutboundError) return error;
  const raw = (error as NodeJS.ErrnoException | undefined)?.code;
  const code = typeof raw === "string" ? raw : "";
  const { host } = context;
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT") {
    return new OutboundError(
      "timeout",
      `The host ${host} did not accept a connection within ${describeSeconds(context.connectTimeoutMs)}`,
      code || undefined,
    );
  }
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new OutboundError(
      "timeout",
      `The host ${host} did not answer within ${describeSeconds(context.timeoutMs)}`,
      code || undefined,
    );
  }
  const tls = tlsMessage(code, host);
  if (tls) return new OutboundError("tls", tls, code || undefined);
  if (error instanceof errors.HTTPParserError || code.startsWith("HPE_")) {
    return new OutboundError("protocol", `The answer from ${host} was not valid HTTP`, code || undefined);
  }
  return new OutboundError("unreachable", unreachableMessage(code, host), code || undefined);
}
