/**
 * `LATCHKEY_OUTBOUND_ALLOW_HOSTS`: comma-separated `host:port` pairs an operator lets Latchkey
 * reach even though they are private, local or plain http (an on-premises Axonius, the fake
 * one in development). Each entry is literal: a host and an explicit port, compared with the
 * URL's host and port — `localhost:3979` allows exactly that, not `localhost:80` nor
 * `127.0.0.1:3979`. A URL without a port is compared with its scheme's port (443 for https,
 * 80 for http), so `axonius.corp:443` allows `https://axonius.corp`.
 *
 * Hosts are compared in the URL parser's normal form (lower case, IPv6 in brackets,
 * `127.1` as `127.0.0.1`), so an entry matches however the URL spells the same host.
 */
export interface AllowHosts {
  /** The entries in normal form, `host:port`. */
  readonly entries: ReadonlySet<string>;
}

const PORT = /^[1-9]\d{0,4}$/;

function entryError(entry: string, why: string): Error {
  return new Error(`LATCHKEY_OUTBOUND_ALLOW_HOSTS: "${entry}" ${why}`);
}

function parseEntry(entry: string): string {
  const portSeparator = entry.lastIndexOf(":");
  const port = portSeparator === -1 ? "" : entry.slice(portSeparator + 1);
  const host = portSeparator === -1 ? entry : entry.slice(0, portSeparator);
  if (!PORT.test(port) || Number(port) > 65535 || host === "" || host.endsWith(":")) {
    throw entryError(entry, "must be host:port with a port from 1 to 65535, e.g. localhost:3979");
  }
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}:${port}/`);
  } catch {
    throw entryError(entry, "is not a host name or IP address with a port");
  }
  if ((parsed.port || "80") !== port) {
    throw entryError(entry, "is not a host name or IP address with a port");
  }
  // The URL parser drops port 80 for http; write it back so every entry has its port.
  return `${parsed.hostname}:${port}`;
}

export function parseAllowHosts(raw: string | undefined): AllowHosts {
  const entries = new Set<string>();
  for (const piece of (raw ?? "").split(",")) {
    const entry = piece.trim();
    if (entry === "") continue;
    if (/[/@?#\\\s]/.test(entry))
      throw entryError(entry, "must be only host:port, without scheme, user or path");
    entries.add(parseEntry(entry));
  }
  return { entries };
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : protocol === "http:" ? "80" : "";
}

/**
 * Whether `hostname` (the URL parser's form: IPv6 in brackets) on `port` (empty for the
 * scheme's own port) is listed.
 */
export function isAllowListed(allow: AllowHosts, protocol: string, hostname: string, port: string): boolean {
  if (allow.entries.size === 0) return false;
  const effectivePort = port === "" ? defaultPort(protocol) : port;
  return allow.entries.has(`${hostname}:${effectivePort}`);
}
