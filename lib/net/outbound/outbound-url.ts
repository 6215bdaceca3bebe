import { isIP } from "node:net";
import { refusedAddress } from "./address-policy";
import { type AllowHosts, isAllowListed } from "./allow-hosts";
import { refusedHostName } from "./host-name-policy";

/**
 * The checks a URL passes before any DNS look-up: it parses, is https (or http to a listed
 * host), carries no user name or password, and its host is neither a refused IP literal nor
 * a local name. Odd IPv4 spellings (`2130706433`, `0x7f000001`, `127.1`) need no rule of
 * their own: the WHATWG URL parser writes them as `127.0.0.1`, and that is what is checked.
 */
export const MAX_URL_LENGTH = 2048;

export type UrlShapeFailure = {
  ok: false;
  kind: "invalid_url" | "refused_url" | "refused_address";
  message: string;
  /** For refused destinations, what the destination is ("a loopback address (127.0.0.1)"). */
  destination?: string;
};

export type UrlShape = { ok: true; url: URL; allowListed: boolean } | UrlShapeFailure;

export const MUST_BE_HTTPS = "The host URL must start with https://";
export const NO_USERINFO = "Addresses with a user name or password are not accepted";

/** The host without IPv6 brackets, as a socket or resolver takes it. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

function parse(text: string): URL | UrlShapeFailure {
  if (text.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      kind: "invalid_url",
      message: `The host URL is too long (at most ${MAX_URL_LENGTH} characters)`,
    };
  }
  try {
    return new URL(text);
  } catch {
    if (!/^[a-z][a-z\d+.-]*:/i.test(text.trim()))
      return { ok: false, kind: "refused_url", message: MUST_BE_HTTPS };
    return { ok: false, kind: "invalid_url", message: "The host URL is not a valid URL" };
  }
}

/** Refuses an IP literal or a local name that is not on the allow-list. */
export function refusedDestination(hostname: string): UrlShapeFailure | null {
  if (isIP(hostname)) {
    const refusal = refusedAddress(hostname);
    if (!refusal) return null;
    return {
      ok: false,
      kind: "refused_address",
      message: `The host is ${refusal.description}, which Latchkey does not call`,
      destination: refusal.description,
    };
  }
  const message = refusedHostName(hostname);
  return message
    ? { ok: false, kind: "refused_address", message, destination: `a local name (${hostname})` }
    : null;
}

export function checkUrlShape(text: string, allow: AllowHosts): UrlShape {
  const url = parse(text);
  if (!(url instanceof URL)) return url;
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, kind: "refused_url", message: MUST_BE_HTTPS };
  }
  if (url.username !== "" || url.password !== "")
    return { ok: false, kind: "refused_url", message: NO_USERINFO };
  const allowListed = isAllowListed(allow, url.protocol, url.hostname, url.port);
  if (allowListed) return { ok: true, url, allowListed };
  // The destination first: for http://10.0.0.5 "use https" would not be the answer.
  const refused = refusedDestination(bareHostname(url));
  if (refused) return refused;
  if (url.protocol !== "https:") return { ok: false, kind: "refused_url", message: MUST_BE_HTTPS };
  return { ok: true, url, allowListed };
}
