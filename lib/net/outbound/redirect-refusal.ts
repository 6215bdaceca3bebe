import type { AllowHosts } from "./allow-hosts";
import { OutboundError } from "./outbound-error";
import { checkUrlShape } from "./outbound-url";

/**
 * Latchkey never follows a redirect: the next hop would receive the request's credentials
 * (an Axonius key and secret) and could be anywhere. The error says where it pointed — only
 * scheme, host and port, never its path or query — and, when that destination is one
 * Latchkey refuses outright (loopback, private, a local name), says so.
 */
export function redirectRefused(
  status: number,
  location: string | string[] | undefined,
  from: URL,
  allow: AllowHosts,
): OutboundError {
  const base = `The host ${from.host} answered with a redirect (${status})`;
  let target: URL | null = null;
  try {
    target = typeof location === "string" ? new URL(location, from) : null;
  } catch {
    target = null;
  }
  if (!target) return new OutboundError("redirect_refused", `${base}, which Latchkey does not follow`);
  const shape = checkUrlShape(target.href, allow);
  if (!shape.ok && shape.destination) {
    return new OutboundError(
      "redirect_refused",
      `${base} to ${shape.destination}, which Latchkey does not call`,
    );
  }
  return new OutboundError(
    "redirect_refused",
    `${base} to ${target.protocol}//${target.host}; Latchkey does not follow redirects, so use that address instead`,
  );
}
