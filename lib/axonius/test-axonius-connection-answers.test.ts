import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { outboundResources } from "@/lib/testing/outbound-test-support";
import { testAxoniusConnection } from "./test-axonius-connection";

/** What Test connection sends and how it reads answers, against hand-made servers. */
const use = outboundResources();
afterEach(() => use.cleanup());

async function connectTo(handler: http.RequestListener, apiSecret = "s") {
  const remote = await use.server(handler);
  const client = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
  const result = await testAxoniusConnection(
    { hostUrl: `http://${remote.hostPort}`, apiKey: "k", apiSecret },
    { client },
  );
  return { result, remote };
}

function answer(facts: unknown): http.RequestListener {
  return (_, response) => {
    response.setHeader("content-type", "application/json; charset=utf-8");
    response.end(JSON.stringify(facts));
  };
}

describe("testAxoniusConnection", () => {
  it("sends api-key, api-secret and Accept: application/json to the about endpoint", async () => {
    const { result, remote } = await connectTo(answer({ Version: "4_8_3", "Build Date": "2024-01-01" }));
    expect(result).toMatchObject({ ok: true, version: "4.8.3", message: "Connected — Axonius 4.8.3" });
    expect(remote.requests[0]?.url).toBe("/api/settings/meta/about");
    expect(remote.requests[0]?.headers).toMatchObject({
      "api-key": "k",
      "api-secret": "s",
      accept: "application/json",
    });
  });

  it.each([
    [{ Version: "", "Installed Version": "5_0_1" }, "Connected — Axonius 5.0.1"],
    [{ data: { type: "about", attributes: { Version: "7.0" } } }, "Connected — Axonius 7.0"],
    [
      { Version: "<script>alert(1)</script>", "Build Date": "x" },
      "Connected — Axonius (version not reported)",
    ],
    [{ Version: "9".repeat(41) }, "Connected — Axonius (version not reported)"],
    [{ "Build Date": "2025-05-05" }, "Connected — Axonius (version not reported)"],
  ])("reads the instance facts %j as %j", async (facts, message) => {
    const { result } = await connectTo(answer(facts));
    expect(result).toMatchObject({ ok: true, message });
  });

  it("never puts the secret or the remote body into a result", async () => {
    const { result } = await connectTo((request, response) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: `bad secret ${request.headers["api-secret"]}` }));
    }, "secret-456-do-not-show");
    expect(result).toEqual({
      ok: false,
      kind: "server_error",
      status: 500,
      message: "Axonius answered with a server error (500)",
    });
    expect(JSON.stringify(result)).not.toContain("secret-456");
  });

  it("refuses a redirect instead of sending the key and secret on", async () => {
    const { result, remote } = await connectTo((_, response) => {
      response.writeHead(302, { location: "https://evil.example.net/collect" });
      response.end();
    });
    expect(result).toEqual({
      ok: false,
      kind: "redirect_refused",
      message: `The host ${remote.hostPort} answered with a redirect (302) to https://evil.example.net; Latchkey does not follow redirects, so use that address instead`,
    });
  });
});
