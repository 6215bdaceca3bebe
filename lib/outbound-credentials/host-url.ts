import { z } from "zod";
import { isPrintableLine } from "@/lib/validation/text-fields";

/**
 * The host URL of an outbound credential, as far as its text goes: an absolute https URL
 * with a host, without user name, password, query or fragment, stored normalized. Whether
 * the host may be reached (private, loopback and metadata addresses…) is decided on the
 * network by the outbound client's checks, which the commands run on save.
 */
export const HOST_URL_MUST_BE_HTTPS = "The host URL must start with https://";
export const HOST_URL_NEEDS_HOST = "Enter the host name after https://";
export const HOST_URL_NO_USERINFO = "The host URL must not contain a user name or password";
export const HOST_URL_NO_QUERY = "The host URL must not contain a query (?) or fragment (#)";
export const HOST_URL_INVALID = "The host URL is not a valid URL: enter https:// and the host name";
const MAX_LENGTH = 2048;

export interface HostUrlRules {
  /**
   * Whether this plain-http URL may be saved anyway: the hosts an operator lists in
   * LATCHKEY_OUTBOUND_ALLOW_HOSTS (on-premises instances, the fake Axonius in tests).
   * Absent: https only.
   */
  allowsPlainHttp?: (url: URL) => boolean;
}

/** `https://host[:port][/path]`: lower-case host, no default port, no trailing slash. */
export function normalizeHostUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

type Checked = { ok: true; url: string } | { ok: false; message: string };

export function checkHostUrlText(input: string, rules: HostUrlRules = {}): Checked {
  const text = input.trim();
  if (!isPrintableLine(text) || /\s/.test(text))
    return { ok: false, message: "The host URL must not contain spaces or control characters" };
  if (text.length > MAX_LENGTH)
    return {
      ok: false,
      message: `The host URL must be ${MAX_LENGTH.toLocaleString("en-US")} characters or fewer`,
    };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0].toLowerCase();
  if (scheme !== "https://" && scheme !== "http://") return { ok: false, message: HOST_URL_MUST_BE_HTTPS };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message:
        scheme === "https://" && /^https:\/\/[/?#]?$/i.test(text) ? HOST_URL_NEEDS_HOST : HOST_URL_INVALID,
    };
  }
  if (url.hostname === "") return { ok: false, message: HOST_URL_NEEDS_HOST };
  if (url.protocol === "http:" && !rules.allowsPlainHttp?.(url))
    return { ok: false, message: HOST_URL_MUST_BE_HTTPS };
  if (url.username !== "" || url.password !== "" || /^[^/]*\/\/[^/?#]*@/.test(text))
    return { ok: false, message: HOST_URL_NO_USERINFO };
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(text))
    return { ok: false, message: HOST_URL_NO_QUERY };
  return { ok: true, url: normalizeHostUrl(url) };
}

/** The host URL field, normalized on success; `label` names it when it is missing. */
export function hostUrlSchema(label: string, rules: HostUrlRules = {}) {
  return z.string({ error: `${label} is required` }).transform((value, context) => {
    if (value.trim() === "") {
      context.addIssue({ code: "custom", message: `${label} is required` });
      return z.NEVER;
    }
    const checked = checkHostUrlText(value, rules);
    if (!checked.ok) {
      context.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return checked.url;
  });
}
