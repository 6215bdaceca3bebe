import { afterEach, describe, expect, it } from "vitest";
import { outboundFailure, outboundResources, tableResolver } from "@/lib/testing/outbound-test-support";
import { parseAllowHosts } from "./allow-hosts";

const use = outboundResources();
afterEach(() => use.cleanup());

describe("connect-time resolution", () => {
  it("refuses a host that resolved public on save and private at connect (DNS rebinding)", async () => {
    const answers = [["93.184.216.34"], ["10.0.0.5"]];
    const resolveHost = tableResolver({ "rebind.example.com": () => answers.shift() ?? [] });
    const outbound = use.client({ resolveHost });

    await expect(outbound.checkUrl("https://rebind.example.com/api")).resolves.toMatchObject({
      ok: true,
      addresses: ["93.184.216.34"],
    });
    const error = await outboundFailure(outbound.request("https://rebind.example.com/api"));
    expect(error).toMatchObject({
      kind: "refused_address",
      message: "The host resolves to a private address (10.0.0.5), which Latchkey does not call",
    });
    expect(resolveHost.calls).toEqual(["rebind.example.com", "rebind.example.com"]);
  });

  it("connects to the address it resolved and sends the name as Host", async () => {
    const remote = await use.server((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ host: request.headers.host, key: request.headers["api-key"] }));
    });
    const resolveHost = tableResolver({ "axonius.test": ["127.0.0.1"] });
    const outbound = use.client({ resolveHost, allowHosts: parseAllowHosts(`axonius.test:${remote.port}`) });

    const response = await outbound.request(`http://axonius.test:${remote.port}/api/x?y=1`, {
      headers: { "api-key": "k1" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(response.body.toString())).toEqual({ host: `axonius.test:${remote.port}`, key: "k1" });
    expect(remote.requests[0]?.url).toBe("/api/x?y=1");
    expect(resolveHost.calls).toEqual(["axonius.test"]);
  });

  it("tries the host's next address when one refuses the connection", async () => {
    const remote = await use.server((_, response) => response.end("ok"));
    const resolveHost = tableResolver({ "axonius.test": ["127.0.0.2", "127.0.0.1"] });
    const outbound = use.client({ resolveHost, allowHosts: parseAllowHosts(`axonius.test:${remote.port}`) });
    const response = await outbound.request(`http://axonius.test:${remote.port}/`);
    expect(response.body.toString()).toBe("ok");
  });

  it("says a host name that does not resolve could not be found", async () => {
    const outbound = use.client({});
    await expect(outbound.checkUrl("https://nowhere.example.com")).resolves.toEqual({
      ok: false,
      kind: "unresolvable",
      message: "The host name nowhere.example.com could not be found",
    });
    expect(await outboundFailure(outbound.request("https://nowhere.example.com"))).toMatchObject({
      kind: "unresolvable",
      message: "The host name nowhere.example.com could not be found",
    });
  });
});

describe("the allow-list", () => {
  it("reaches a listed host:port over plain http, and refuses the same host on another port", async () => {
    const remote = await use.server((_, response) => response.end("listed"));
    const other = await use.server((_, response) => response.end("not listed"));
    const outbound = use.client({ allowHosts: parseAllowHosts(`example.org:443, ${remote.hostPort}`) });

    expect((await outbound.request(`http://${remote.hostPort}/`)).body.toString()).toBe("listed");
    expect(await outboundFailure(outbound.request(`http://${other.hostPort}/`))).toMatchObject({
      kind: "refused_address",
      message: "The host is a loopback address (127.0.0.1), which Latchkey does not call",
    });
    expect(other.requests).toHaveLength(0);
  });

  it("compares the literal host: localhost:<port> is not 127.0.0.1:<port>", async () => {
    const remote = await use.server((_, response) => response.end("fake"));
    const outbound = use.client({
      allowHosts: parseAllowHosts(`localhost:${remote.port}`),
      resolveHost: tableResolver({ localhost: ["::1", "127.0.0.1"] }),
    });
    expect((await outbound.request(`http://LocalHost:${remote.port}/`)).body.toString()).toBe("fake");
    await expect(outbound.checkUrl(`http://localhost:${remote.port}`)).resolves.toMatchObject({
      ok: true,
      allowListed: true,
    });
    expect(await outboundFailure(outbound.request(`http://127.0.0.1:${remote.port}/`))).toMatchObject({
      kind: "refused_address",
    });
    await expect(outbound.checkUrl("https://localhost")).resolves.toMatchObject({
      ok: false,
      kind: "refused_address",
    });
  });

  it("still refuses a user name and password in a listed host's URL", async () => {
    const remote = await use.server((_, response) => response.end("x"));
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await outboundFailure(outbound.request(`http://user:pass@${remote.hostPort}/`))).toMatchObject({
      kind: "refused_url",
      message: "Addresses with a user name or password are not accepted",
    });
    expect(remote.requests).toHaveLength(0);
  });
});

describe("answers", () => {
  it("returns an error status with its body to the caller instead of throwing", async () => {
    const remote = await use.server((_, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end("stack trace");
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const response = await outbound.request(`http://${remote.hostPort}/`);
    expect(response.status).toBe(500);
    expect(response.body.toString()).toBe("stack trace");
  });

  it("refuses a redirect to a public address without following it or quoting its path", async () => {
    const remote = await use.server((_, response) => {
      response.writeHead(301, { location: "https://example.org/login?next=/secret" });
      response.end("moved");
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const error = await outboundFailure(outbound.request(`http://${remote.hostPort}/`));
    expect(error).toMatchObject({
      kind: "redirect_refused",
      message: `The host ${remote.hostPort} answered with a redirect (301) to https://example.org; Latchkey does not follow redirects, so use that address instead`,
    });
  });

  it("sends the method, headers and body it is given", async () => {
    let received = "";
    const remote = await use.server((request, response) => {
      request.on("data", (chunk: Buffer) => {
        received += chunk.toString();
      });
      request.on("end", () => response.end(`${request.method} ${request.headers["content-type"]}`));
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const response = await outbound.request(`http://${remote.hostPort}/api/devices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"data":{}}',
    });
    expect(response.body.toString()).toBe("POST application/json");
    expect(received).toBe('{"data":{}}');
    expect(remote.requests[0]?.headers["user-agent"]).toBe("Latchkey");
  });
});
