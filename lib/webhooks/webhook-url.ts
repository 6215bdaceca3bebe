import { z } from "zod";
import type { HostUrlRules } from "@/lib/outbound-credentials/host-url";
import { isPrintableLine } from "@/lib/validation/text-fields";

/**
 * An endpoint URL as far as its text goes: absolute https (plain http only for a host:port
 * LATCHKEY_OUTBOUND_ALLOW_HOSTS lists), a host, no user name or password, no fragment; a path
 * and a query are kept, since receivers often route by them. Stored as the URL parser writes
 * it. Whether the host may be reached is the outbound client's to say, on save and on delivery.
 */
export const ENDPOINT_URL_LABEL = "Endpoint URL";
export const ENDPOINT_URL_REQUIRED = "Endpoint URL is required";
export const ENDPOINT_URL_MUST_BE_HTTPS = "The endpoint URL must start with https://";
export const ENDPOINT_URL_INVALID = "The endpoint URL is not a valid URL: enter https:// and the host name";
export const ENDPOINT_URL_NO_USERINFO = "The endpoint URL must not contain a user name or password";
export const ENDPOINT_URL_NO_FRAGMENT = "The endpoint URL must not contain a fragment (#)";
const MAX_LENGTH = 2048;

type Checked = { ok: true; url: string } | { ok: false; message: string };

export function checkEndpointUrlText(input: string, rules: HostUrlRules = {}): Checked {
  const text = input.trim();
  if (text === "") return { ok: false, message: ENDPOINT_URL_REQUIRED };
  if (!isPrintableLine(text) || /\s/.test(text))
    return { ok: false, message: "The endpoint URL must not contain spaces or control characters" };
  if (text.length > MAX_LENGTH)
    return {
      ok: false,
      message: `The endpoint URL must be ${MAX_LENGTH.toLocaleString("en-US")} characters or fewer`,
    };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0].toLowerCase();
  if (scheme !== "https://" && scheme !== "http://")
    return { ok: false, message: ENDPOINT_URL_MUST_BE_HTTPS };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: ENDPOINT_URL_INVALID };
  }
  if (url.hostname === "") return { ok: false, message: ENDPOINT_URL_INVALID };
  if (url.protocol === "http:" && !rules.allowsPlainHttp?.(url))
    return { ok: false, message: ENDPOINT_URL_MUST_BE_HTTPS };
  if (url.username !== "" || url.password !== "" || /^[^/]*\/\/[^/?#]*@/.test(text))
    return { ok: false, message: ENDPOINT_URL_NO_USERINFO };
  if (url.hash !== "" || text.includes("#")) return { ok: false, message: ENDPOINT_URL_NO_FRAGMENT };
  if (url.href.length > MAX_LENGTH)
    return {
      ok: false,
      message: `The endpoint URL must be ${MAX_LENGTH.toLocaleString("en-US")} characters or fewer`,
    };
  return { ok: true, url: url.href };
}

/** The "Endpoint URL" field, normalized on success. */
export function endpointUrlSchema(rules: HostUrlRules = {}) {
  return z.string({ error: ENDPOINT_URL_REQUIRED }).transform((value, context) => {
    const checked = checkEndpointUrlText(value, rules);
    if (!checked.ok) {
      context.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return checked.url;
  });
}
