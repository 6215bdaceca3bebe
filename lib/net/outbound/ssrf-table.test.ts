import { request as undiciRequest } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoopbackServer, startLoopbackServer, tableResolver } from "@/lib/testing/outbound-test-support";
import { parseAllowHosts } from "./allow-hosts";
import { createOutboundClient, type OutboundClient } from "./outbound-client";
import { OutboundError } from "./outbound-error";

/**
 * The SSRF table: every URL is refused when an administrator saves it (checkUrl) and again
 * when a call is made (request), with the same specific sentence; the connector refuses the
 * same destinations even when the dispatcher is used directly, without the URL checks.
 * Nothing here reaches beyond loopback, and nothing is ever connected to: the resolver is a
 * table, and every refused case fails before a socket opens.
 */
const LOOPBACK = "The host is a loopback address (127.0.0.1), which Latchkey does not call";
const HTTPS = "The host URL must start with https://";

const TABLE: Array<{ url: string; kind: string; message: string }> = [
  {
    url: "http://169.254.169.254/",
    kind: "refused_address",
    message:
      "The host is a link-local address (169.254.169.254, where cloud metadata services answer), which Latchkey does not call",
  },
  {
    url: "https://169.254.169.254/latest/meta-data/",
    kind: "refused_address",
    message:
      "The host is a link-local address (169.254.169.254, where cloud metadata services answer), which Latchkey does not call",
  },
  { url: "https://127.0.0.1", kind: "refused_address", message: LOOPBACK },
  {
    url: "https://[::1]",
    kind: "refused_address",
    message: "The host is a loopback address (::1), which Latchkey does not call",
  },
  {
    url: "https://[::ffff:127.0.0.1]",
    kind: "refused_address",
    message:
      "The host is a loopback address (127.0.0.1, written as ::ffff:7f00:1), which Latchkey does not call",
  },
  { url: "https://2130706433", kind: "refused_address", message: LOOPBACK },
  { url: "https://0x7f000001", kind: "refused_address", message: LOOPBACK },
  { url: "https://127.1", kind: "refused_address", message: LOOPBACK },
  { url: "https://0177.0.0.1", kind: "refused_address", message: LOOPBACK },
  {
    url: "https://localhost:5432",
    kind: "refused_address",
    message: "The host localhost is a local name, which Latchkey does not call",
  },
  {
    url: "https://localhost.:5432",
    kind: "refused_address",
    message: "The host localhost. is a local name, which Latchkey does not call",
  },
  {
    url: "https://db.localhost",
    kind: "refused_address",
    message: "The host db.localhost is a local name, which Latchkey does not call",
  },
  {
    url: "https://metadata.google.internal/computeMetadata/v1/",
    kind: "refused_address",
    message: "The host metadata.google.internal is a local name, which Latchkey does not call",
  },
  {
    url: "https://printer.local",
    kind: "refused_address",
    message: "The host printer.local is a local name, which Latchkey does not call",
  },
  {
    url: "https://intranet/",
    kind: "refused_address",
    message:
      "The host intranet is not a full domain name (such as your-instance.axonius.com), which Latchkey does not call",
  },
  {
    url: "https://internal.example.com",
    kind: "refused_address",
    message: "The host resolves to a private address (10.0.0.5), which Latchkey does not call",
  },
  {
    url: "https://mixed.example.com",
    kind: "refused_address",
    message: "The host resolves to a private address (192.168.1.20), which Latchkey does not call",
  },
  {
    url: "https://mapped.example.com",
    kind: "refused_address",
    message:
      "The host resolves to a private address (10.0.0.5, written as ::ffff:a00:5), which Latchkey does not call",
  },
  {
    url: "https://v6.example.com",
    kind: "refused_address",
    message: "The host resolves to a private address (fd12:3456::1), which Latchkey does not call",
  },
  {
    url: "https://10.0.0.5",
    kind: "refused_address",
    message: "The host is a private address (10.0.0.5), which Latchkey does not call",
  },
  {
    url: "https://172.16.4.1",
    kind: "refused_address",
    message: "The host is a private address (172.16.4.1), which Latchkey does not call",
  },
  {
    url: "https://192.168.0.1",
    kind: "refused_address",
    message: "The host is a private address (192.168.0.1), which Latchkey does not call",
  },
  {
    url: "https://100.64.0.1",
    kind: "refused_address",
    message: "The host is a shared (carrier-grade NAT) address (100.64.0.1), which Latchkey does not call",
  },
  {
    url: "https://0.0.0.0",
    kind: "refused_address",
    message: "The host is an unspecified address (0.0.0.0), which Latchkey does not call",
  },
  {
    url: "https://[::]",
    kind: "refused_address",
    message: "The host is an unspecified address (::), which Latchkey does not call",
  },
  {
    url: "https://[fe80::1]",
    kind: "refused_address",
    message: "The host is a link-local address (fe80::1), which Latchkey does not call",
  },
  {
    url: "https://[fc00::1]",
    kind: "refused_address",
    message: "The host is a private address (fc00::1), which Latchkey does not call",
  },
  {
    url: "https://[fd00:ec2::254]",
    kind: "refused_address",
    message:
      "The host is a private address (fd00:ec2::254, where cloud metadata services answer), which Latchkey does not call",
  },
  {
    url: "https://224.0.0.1",
    kind: "refused_address",
    message: "The host is a multicast address (224.0.0.1), which Latchkey does not call",
  },
  {
    url: "https://255.255.255.255",
    kind: "refused_address",
    message: "The host is a broadcast address (255.255.255.255), which Latchkey does not call",
  },
  {
    url: "https://[64:ff9b::a00:5]",
    kind: "refused_address",
    message:
      "The host is a private address (10.0.0.5, written as 64:ff9b::a00:5), which Latchkey does not call",
  },
  {
    url: "https://[2002:7f00:1::]",
    kind: "refused_address",
    message:
      "The host is a loopback address (127.0.0.1, written as 2002:7f00:1::), which Latchkey does not call",
  },
  {
    url: "https://[::127.0.0.1]",
    kind: "refused_address",
    message: "The host is a deprecated IPv4-compatible address (::7f00:1), which Latchkey does not call",
  },
  { url: "file:///etc/passwd", kind: "refused_url", message: HTTPS },
  { url: "gopher://example.com:70/_GET", kind: "refused_url", message: HTTPS },
  { url: "ftp://example.com/", kind: "refused_url", message: HTTPS },
  { url: "http://example.com/", kind: "refused_url", message: HTTPS },
  { url: "your-instance.axonius.com", kind: "refused_url", message: HTTPS },
  {
    url: "https://user:pass@example.com",
    kind: "refused_url",
    message: "Addresses with a user name or password are not accepted",
  },
  {
    url: "https://user@example.com",
    kind: "refused_url",
    message: "Addresses with a user name or password are not accepted",
  },
  { url: "https://exa mple.com", kind: "invalid_url", message: "The host URL is not a valid URL" },
];

const resolver = tableResolver({
  "internal.example.com": ["10.0.0.5"],
  "public.example.com": ["93.184.216.34"],
  "mixed.example.com": ["93.184.216.34", "192.168.1.20"],
  "mapped.example.com": ["::ffff:10.0.0.5"],
  "v6.example.com": ["2606:2800:220:1:248:1893:25c8:1946", "fd12:3456::1"],
});

let client: OutboundClient;
let allowed: LoopbackServer;
let target: LoopbackServer;

beforeAll(async () => {
  target = await startLoopbackServer((_, response) => response.end("internal data"));
  allowed = await startLoopbackServer((_, response) => {
    response.writeHead(302, { location: `https://127.0.0.1:${target.port}/admin?token=abc` });
    response.end("redirect body that must not be echoed");
  });
  client = createOutboundClient({ allowHosts: parseAllowHosts(allowed.hostPort), resolveHost: resolver });
});

afterAll(async () => {
  await client.close();
  await allowed.close();
  await target.close();
});

describe("the SSRF table", () => {
  it.each(TABLE)("refuses $url on save", async ({ url, kind, message }) => {
    await expect(client.checkUrl(url)).resolves.toEqual({ ok: false, kind, message });
  });

  it.each(TABLE)("refuses $url on connect", async ({ url, kind, message }) => {
    const error = await client.request(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ kind, message });
  });

  // The connector itself: a caller (or a redirect) that reaches undici without the URL checks.
  it.each(TABLE.filter(({ url, kind }) => /^https?:/.test(url) && kind === "refused_address"))(
    "refuses $url in the connector, whatever reaches the dispatcher",
    async ({ url, message }) => {
      const error = await undiciRequest(url, { dispatcher: client.dispatcher }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(OutboundError);
      expect((error as OutboundError).message).toBe(message);
    },
  );

  it("refuses plain http in the connector unless the host:port is listed, before any look-up", async () => {
    const error = await undiciRequest("http://public.example.com/", { dispatcher: client.dispatcher }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: "refused_url", message: HTTPS });
    expect(resolver.calls).not.toContain("public.example.com");
  });

  it("accepts the allowed host on save, refuses its 302 to 127.0.0.1 on connect and never follows it", async () => {
    await expect(client.checkUrl(`http://${allowed.hostPort}/api`)).resolves.toEqual({
      ok: true,
      url: `http://${allowed.hostPort}/api`,
      allowListed: true,
      addresses: [],
    });
    // What the redirect points at is itself refused on save.
    await expect(client.checkUrl(`https://127.0.0.1:${target.port}/admin`)).resolves.toEqual({
      ok: false,
      kind: "refused_address",
      message: LOOPBACK,
    });
    const error = await client.request(`http://${allowed.hostPort}/api`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: "redirect_refused",
      message: `The host ${allowed.hostPort} answered with a redirect (302) to a loopback address (127.0.0.1), which Latchkey does not call`,
    });
    expect((error as Error).message).not.toMatch(/token|admin|echoed/);
    expect(allowed.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it("never asked DNS about a literal address or a local name", () => {
    expect(resolver.calls.every((name) => name.endsWith(".example.com"))).toBe(true);
  });
});
