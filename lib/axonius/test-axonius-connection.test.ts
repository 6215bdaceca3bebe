import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { FAKE_AXONIUS_TLS_CERT, FAKE_AXONIUS_TLS_KEY } from "@/lib/axonius/fake/fake-tls-certificate";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import { tableResolver } from "@/lib/testing/outbound-test-support";
import { testAxoniusConnection } from "./test-axonius-connection";

let fake: FakeAxonius;
let client: OutboundClient;

beforeAll(async () => {
  fake = await startFakeAxonius({ apiKey: "key-123", apiSecret: "secret-456-do-not-show" });
  client = createOutboundClient({
    allowHosts: parseAllowHosts(fake.hostPort),
    resolveHost: tableResolver({}),
  });
});

afterEach(() => fake.setFaults([]));

afterAll(async () => {
  await client.close();
  await fake.close();
});

function test(overrides: { hostUrl?: string; apiKey?: string; apiSecret?: string } = {}, timeoutMs?: number) {
  return testAxoniusConnection(
    { hostUrl: `${fake.url}/`, apiKey: fake.apiKey, apiSecret: fake.apiSecret, ...overrides },
    { client, ...(timeoutMs ? { timeoutMs } : {}) },
  );
}

describe("testAxoniusConnection against the fake Axonius", () => {
  it("connects and reports the version", async () => {
    await expect(test()).resolves.toEqual({
      ok: true,
      hostUrl: fake.url,
      version: "6.1.2",
      message: "Connected — Axonius 6.1.2",
    });
    expect(fake.requests.at(-1)).toEqual({ method: "GET", path: "/api/settings/meta/about", status: 200 });
  });

  it.each([
    [
      "about:401",
      {
        kind: "bad_credentials",
        status: 401,
        message: "Axonius did not accept the API key and secret (401); check both values",
      },
    ],
    [
      "about:403",
      {
        kind: "missing_permission",
        status: 403,
        message: "Axonius accepted the API key, but its user lacks the permission for this request (403)",
      },
    ],
    [
      "about:429=7",
      {
        kind: "rate_limited",
        status: 429,
        retryAfterSeconds: 7,
        message: "Axonius is limiting requests (429); try again in 7 s",
      },
    ],
    [
      "about:202",
      {
        kind: "not_ready",
        status: 202,
        message: "Axonius is still preparing the answer (202); try again shortly",
      },
    ],
    [
      "about:500",
      { kind: "server_error", status: 500, message: "Axonius answered with a server error (500)" },
    ],
    [
      "about:503",
      { kind: "server_error", status: 503, message: "Axonius answered with a server error (503)" },
    ],
    [
      "about:html",
      {
        kind: "not_axonius",
        message: "The host answered with a web page, not the Axonius API; check the host URL",
      },
    ],
    [
      "about:not-json",
      {
        kind: "not_axonius",
        message: "The host did not answer with JSON (text/plain), so it is not the Axonius API",
      },
    ],
    [
      "about:bad-json",
      { kind: "not_axonius", message: "The host's answer is not valid JSON, so it is not the Axonius API" },
    ],
    [
      "about:wrong-shape",
      {
        kind: "not_axonius",
        message:
          "The host's answer has no Axonius instance facts (such as its version), so it is not the Axonius API",
      },
    ],
  ])("reports the fault %s precisely", async (fault, expected) => {
    fake.setFaults([fault]);
    await expect(test()).resolves.toEqual({ ok: false, ...expected });
  });

  it("reports a wrong key or secret as bad credentials", async () => {
    await expect(test({ apiSecret: "wrong" })).resolves.toMatchObject({
      ok: false,
      kind: "bad_credentials",
      status: 401,
    });
    await expect(test({ apiKey: "wrong" })).resolves.toMatchObject({
      ok: false,
      kind: "bad_credentials",
      status: 401,
    });
  });

  it("reports a host URL without the Axonius API as not Axonius (404)", async () => {
    await expect(test({ hostUrl: `${fake.url}/somewhere-else` })).resolves.toEqual({
      ok: false,
      kind: "not_axonius",
      status: 404,
      message: "The host has no Axonius API at this address (404); check the host URL",
    });
  });

  it("reports a slow answer as a timeout", async () => {
    fake.setFaults(["about:slow=2000"]);
    await expect(test({}, 300)).resolves.toEqual({
      ok: false,
      kind: "timeout",
      message: `The host ${fake.hostPort} did not answer within 0.3 s`,
    });
  });

  it("reports a host nothing listens on as unreachable", async () => {
    const closed = await startFakeAxonius();
    const port = closed.port;
    await closed.close();
    const outbound = createOutboundClient({ allowHosts: parseAllowHosts(`127.0.0.1:${port}`) });
    try {
      await expect(
        testAxoniusConnection(
          { hostUrl: `http://127.0.0.1:${port}`, apiKey: "k", apiSecret: "s" },
          { client: outbound },
        ),
      ).resolves.toEqual({
        ok: false,
        kind: "unreachable",
        message: `The host 127.0.0.1:${port} refused the connection`,
      });
    } finally {
      await outbound.close();
    }
  });

  it("reports a self-signed certificate as a TLS failure", async () => {
    const secure = await startFakeAxonius({
      tls: { key: FAKE_AXONIUS_TLS_KEY, cert: FAKE_AXONIUS_TLS_CERT },
    });
    const outbound = createOutboundClient({ allowHosts: parseAllowHosts(secure.hostPort) });
    try {
      await expect(
        testAxoniusConnection(
          { hostUrl: secure.url, apiKey: secure.apiKey, apiSecret: secure.apiSecret },
          { client: outbound },
        ),
      ).resolves.toEqual({
        ok: false,
        kind: "tls",
        message: `The TLS certificate of ${secure.hostPort} is not trusted (self-signed or from an unknown authority)`,
      });
      expect(secure.requests).toHaveLength(0);
    } finally {
      await outbound.close();
      await secure.close();
    }
  });

  it.each([
    ["https://10.0.0.5", "The host is a private address (10.0.0.5), which Latchkey does not call"],
    [
      "https://169.254.169.254",
      "The host is a link-local address (169.254.169.254, where cloud metadata services answer), which Latchkey does not call",
    ],
    ["https://localhost:5432", "The host localhost is a local name, which Latchkey does not call"],
  ])("refuses %s without calling it", async (hostUrl, message) => {
    await expect(test({ hostUrl })).resolves.toEqual({ ok: false, kind: "refused_address", message });
  });

  it("refuses the fake's own address once it is not on the allow-list", async () => {
    const unlisted = createOutboundClient({ allowHosts: parseAllowHosts(undefined) });
    const before = fake.requests.length;
    try {
      await expect(
        testAxoniusConnection(
          { hostUrl: fake.url, apiKey: fake.apiKey, apiSecret: fake.apiSecret },
          { client: unlisted },
        ),
      ).resolves.toEqual({
        ok: false,
        kind: "refused_address",
        message: "The host is a loopback address (127.0.0.1), which Latchkey does not call",
      });
      expect(fake.requests).toHaveLength(before);
    } finally {
      await unlisted.close();
    }
  });

  it.each([
    ["axonius.example.com", "invalid_host_url", "The host URL must start with https://"],
    [
      "https://axonius.example.com/?x=1",
      "invalid_host_url",
      "The host URL must be the instance's base address, without ? or #",
    ],
  ])("refuses the host URL %j before any call", async (hostUrl, kind, message) => {
    await expect(test({ hostUrl })).resolves.toEqual({ ok: false, kind, message });
  });

  it("refuses an empty or multi-line key or secret before any call", async () => {
    const before = fake.requests.length;
    for (const overrides of [
      { apiKey: "" },
      { apiSecret: "" },
      { apiSecret: "a\r\nx-injected: 1" },
      { apiKey: "a b" },
    ]) {
      await expect(test(overrides)).resolves.toEqual({
        ok: false,
        kind: "invalid_credentials",
        message:
          "The API key and client secret must each be given, as one line of visible characters without spaces",
      });
    }
    expect(fake.requests).toHaveLength(before);
  });
});
