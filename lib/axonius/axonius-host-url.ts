import { MUST_BE_HTTPS, NO_USERINFO } from "@/lib/net/outbound/outbound-url";

/**
 * The one spelling of an Axonius host URL. Imported devices are keyed by it (DESIGN.md,
 * "Import rules"), so two ways of typing the same instance must come out the same:
 *
 * - scheme and host in lower case, a trailing dot of the host dropped, the scheme's own port
 *   dropped (`https://X.example.com:443/` → `https://x.example.com`), other ports kept;
 * - an optional base path is kept, for an instance served under a path by a reverse proxy
 *   (`https://tools.example.com/axonius/`) — with repeated and trailing slashes removed and
 *   a final `/api` dropped, because Latchkey adds `/api/…` itself;
 * - a query or fragment is refused rather than dropped: a URL copied from a browser page is
 *   not the instance's base URL, and saying so beats guessing;
 * - a user name or password is refused, and anything but http(s). Whether http is allowed,
 *   and whether the host may be called at all, is the outbound client's check, not this one.
 */
export type NormalizedAxoniusHostUrl = { ok: true; hostUrl: string } | { ok: false; message: string };

export const HOST_URL_NO_QUERY = "The host URL must be the instance's base address, without ? or #";

function normalizePath(pathname: string): string {
  const collapsed = pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "");
  return collapsed.replace(/\/api$/, "");
}

export function normalizeAxoniusHostUrl(text: string): NormalizedAxoniusHostUrl {
  const trimmed = text.trim();
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed)) return { ok: false, message: MUST_BE_HTTPS };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: "The host URL is not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: MUST_BE_HTTPS };
  if (url.username !== "" || url.password !== "") return { ok: false, message: NO_USERINFO };
  if (/[?#]/.test(trimmed)) return { ok: false, message: HOST_URL_NO_QUERY };
  const hostname = url.hostname.replace(/\.$/, "");
  const port = url.port === "" ? "" : `:${url.port}`;
  return { ok: true, hostUrl: `${url.protocol}//${hostname}${port}${normalizePath(url.pathname)}` };
}
