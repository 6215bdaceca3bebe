import { afterEach, describe, expect, it } from "vitest";
import { FAKE_AXONIUS_TLS_CERT } from "@/lib/axonius/fake/fake-tls-certificate";
import {
  type LoopbackServer,
  startLoopbackServer,
  startSilentServer,
  tableResolver,
} from "@/lib/testing/outbound-test-support";
import { parseAllowHosts } from "./allow-hosts";
import { createOutboundClient, type OutboundClient, type OutboundClientOptions } from "./outbound-client";
import { OutboundError } from "./outbound-error";

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(...args: Parameters<typeof startLoopbackServer>): Promise<LoopbackServer> {
  const started = await startLoopbackServer(...args);
  cleanups.push(() => started.close());
  return started;
}

function client(options: OutboundClientOptions): OutboundClient {
  const created = createOutboundClient({ resolveHost: tableResolver({}), ...options });
  cleanups.push(() => created.close());
  return created;
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe("connect-time resolution", () => {
  it("refuses a host that resolved public on save and private at connect (DNS rebinding)", async () => {
    const answers = [["93.184.216.34"], ["10.0.0.5"]];
    const resolveHost = tableResolver({ "rebind.example.com": () => answers.shift() ?? [] });
    const outbound = client({ resolveHost });

    await expect(outbound.checkUrl("https://rebind.example.com/api")).resolves.toMatchObject({
      ok: true,
      addresses: ["93.184.216.34"],
    });
    const error = await failure(outbound.request("https://rebind.example.com/api"));
    expect(error).toMatchObject({
      kind: "refused_address",
      message: "The host resolves to a private address (10.0.0.5), which Latchkey does not call",
    });
    expect(resolveHost.calls).toEqual(["rebind.example.com", "rebind.example.com"]);
  });

  it("connects to the address it resolved and sends the name as Host", async () => {
    const remote = await server((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ host: request.headers.host, key: request.headers["api-key"] }));
    });
    const resolveHost = tableResolver({ "axonius.test": ["127.0.0.1"] });
    const outbound = client({ resolveHost, allowHosts: parseAllowHosts(`axonius.test:${remote.port}`) });

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
    const remote = await server((_, response) => response.end("ok"));
    const resolveHost = tableResolver({ "axonius.test": ["127.0.0.2", "127.0.0.1"] });
    const outbound = client({ resolveHost, allowHosts: parseAllowHosts(`axonius.test:${remote.port}`) });
    const response = await outbound.request(`http://axonius.test:${remote.port}/`);
    expect(response.body.toString()).toBe("ok");
  });

  it("says a host name that does not resolve could not be found", async () => {
    const outbound = client({});
    await expect(outbound.checkUrl("https://nowhere.example.com")).resolves.toEqual({
      ok: false,
      kind: "unresolvable",
      message: "The host name nowhere.example.com could not be found",
    });
    expect(await failure(outbound.request("https://nowhere.example.com"))).toMatchObject({
      kind: "unresolvable",
      message: "The host name nowhere.example.com could not be found",
    });
  });
});

describe("the allow-list", () => {
  it("reaches a listed host:port over plain http, and refuses the same host on another port", async () => {
    const remote = await server((_, response) => response.end("listed"));
    const other = await server((_, response) => response.end("not listed"));
    const outbound = client({ allowHosts: parseAllowHosts(`example.org:443, ${remote.hostPort}`) });

    expect((await outbound.request(`http://${remote.hostPort}/`)).body.toString()).toBe("listed");
    expect(await failure(outbound.request(`http://${other.hostPort}/`))).toMatchObject({
      kind: "refused_address",
      message: "The host is a loopback address (127.0.0.1), which Latchkey does not call",
    });
    expect(other.requests).toHaveLength(0);
  });

  it("compares the literal host: localhost:<port> is not 127.0.0.1:<port>", async () => {
    const remote = await server((_, response) => response.end("fake"));
    const outbound = client({
      allowHosts: parseAllowHosts(`localhost:${remote.port}`),
      resolveHost: tableResolver({ localhost: ["::1", "127.0.0.1"] }),
    });
    expect((await outbound.request(`http://LocalHost:${remote.port}/`)).body.toString()).toBe("fake");
    await expect(outbound.checkUrl(`http://localhost:${remote.port}`)).resolves.toMatchObject({
      ok: true,
      allowListed: true,
    });
    expect(await failure(outbound.request(`http://127.0.0.1:${remote.port}/`))).toMatchObject({
      kind: "refused_address",
    });
    await expect(outbound.checkUrl("https://localhost")).resolves.toMatchObject({
      ok: false,
      kind: "refused_address",
    });
  });

  it("still refuses a user name and password in a listed host's URL", async () => {
    const remote = await server((_, response) => response.end("x"));
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await failure(outbound.request(`http://user:pass@${remote.hostPort}/`))).toMatchObject({
      kind: "refused_url",
      message: "Addresses with a user name or password are not accepted",
    });
    expect(remote.requests).toHaveLength(0);
  });
});

describe("answers", () => {
  it("returns an error status with its body to the caller instead of throwing", async () => {
    const remote = await server((_, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end("stack trace");
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const response = await outbound.request(`http://${remote.hostPort}/`);
    expect(response.status).toBe(500);
    expect(response.body.toString()).toBe("stack trace");
  });

  it("refuses a redirect to a public address without following it or quoting its path", async () => {
    const remote = await server((_, response) => {
      response.writeHead(301, { location: "https://example.org/login?next=/secret" });
      response.end("moved");
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const error = await failure(outbound.request(`http://${remote.hostPort}/`));
    expect(error).toMatchObject({
      kind: "redirect_refused",
      message: `The host ${remote.hostPort} answered with a redirect (301) to https://example.org; Latchkey does not follow redirects, so use that address instead`,
    });
  });

  it("sends the method, headers and body it is given", async () => {
    let received = "";
    const remote = await server((request, response) => {
      request.on("data", (chunk: Buffer) => {
        received += chunk.toString();
      });
      request.on("end", () => response.end(`${request.method} ${request.headers["content-type"]}`));
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
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

describe("limits", () => {
  it("stops at the size cap when Content-Length says the answer is too large", async () => {
    const remote = await server((_, response) => {
      response.writeHead(200, { "content-length": "2000" });
      response.end("x".repeat(2000));
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await failure(outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 1000 })),
    ).toMatchObject({
      kind: "too_large",
      message: `The answer from ${remote.hostPort} is larger than 1000 bytes, so Latchkey stopped reading it`,
    });
  });

  it("stops reading an endless chunked answer at the cap and closes the connection", async () => {
    let closed: () => void = () => {};
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const remote = await server((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write("y".repeat(16 * 1024)), 1);
      response.on("close", () => {
        clearInterval(timer);
        closed();
      });
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await failure(outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 64 * 1024 })),
    ).toMatchObject({
      kind: "too_large",
      message: `The answer from ${remote.hostPort} is larger than 64 KiB, so Latchkey stopped reading it`,
    });
    await connectionClosed;
  });

  it("accepts an answer of exactly the cap", async () => {
    const remote = await server((_, response) => response.end("z".repeat(1024)));
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const response = await outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 1024 });
    expect(response.body.byteLength).toBe(1024);
  });

  it("times out a host that takes the request and never answers", async () => {
    const remote = await server(() => {});
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await failure(outbound.request(`http://${remote.hostPort}/`, { timeoutMs: 300 }))).toMatchObject({
      kind: "timeout",
      message: `The host ${remote.hostPort} did not answer within 0.3 s`,
    });
  });

  it("times out an answer whose body stops arriving", async () => {
    const remote = await server((_, response) => {
      response.writeHead(200);
      response.write("partial");
    });
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await failure(outbound.request(`http://${remote.hostPort}/`, { timeoutMs: 300 }))).toMatchObject({
      kind: "timeout",
      message: `The host ${remote.hostPort} did not answer within 0.3 s`,
    });
  });

  it("times out a connection whose TLS handshake never completes", async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const outbound = client({ allowHosts: parseAllowHosts(silent.hostPort), connectTimeoutMs: 300 });
    expect(await failure(outbound.request(`https://${silent.hostPort}/`))).toMatchObject({
      kind: "timeout",
      message: `The host ${silent.hostPort} did not accept a connection within 0.3 s`,
    });
  });

  it("times out a DNS look-up that does not answer", async () => {
    const outbound = client({ resolveHost: () => new Promise(() => {}), connectTimeoutMs: 300 });
    await expect(outbound.checkUrl("https://slow-dns.example.com")).resolves.toEqual({
      ok: false,
      kind: "timeout",
      message: "The host name slow-dns.example.com could not be resolved within 0.3 s",
    });
  });
});

describe("connection failures", () => {
  it("says the host refused the connection", async () => {
    const remote = await server(() => {});
    const port = remote.port;
    await remote.close();
    const outbound = client({ allowHosts: parseAllowHosts(`127.0.0.1:${port}`) });
    expect(await failure(outbound.request(`http://127.0.0.1:${port}/`))).toMatchObject({
      kind: "unreachable",
      message: `The host 127.0.0.1:${port} refused the connection`,
    });
  });

  it("reports an untrusted (self-signed) certificate as a TLS failure", async () => {
    const remote = await server((_, response) => response.end("secret"), { tls: true });
    const outbound = client({
      allowHosts: parseAllowHosts(`axonius.test:${remote.port}`),
      resolveHost: tableResolver({ "axonius.test": ["127.0.0.1"] }),
    });
    expect(await failure(outbound.request(`https://axonius.test:${remote.port}/`))).toMatchObject({
      kind: "tls",
      message: `The TLS certificate of axonius.test:${remote.port} is not trusted (self-signed or from an unknown authority)`,
    });
    expect(remote.requests).toHaveLength(0);
  });

  it("checks the certificate against the host name, not the address it connected to", async () => {
    const remote = await server((_, response) => response.end("over tls"), { tls: true });
    const outbound = client({
      allowHosts: parseAllowHosts(`axonius.test:${remote.port},other.test:${remote.port}`),
      resolveHost: tableResolver({ "axonius.test": ["127.0.0.1"], "other.test": ["127.0.0.1"] }),
      ca: FAKE_AXONIUS_TLS_CERT,
    });
    expect((await outbound.request(`https://axonius.test:${remote.port}/`)).body.toString()).toBe("over tls");
    expect(await failure(outbound.request(`https://other.test:${remote.port}/`))).toMatchObject({
      kind: "tls",
      message: `The TLS certificate presented does not name other.test:${remote.port}`,
    });
  });

  it("reports https to a server that speaks plain http as a TLS failure", async () => {
    const remote = await server((_, response) => response.end("plain"));
    const outbound = client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await failure(outbound.request(`https://${remote.hostPort}/`))).toMatchObject({
      kind: "tls",
      message: `A secure (TLS) connection to ${remote.hostPort} could not be established`,
    });
  });

  it("reports an answer that is not HTTP, without quoting it", async () => {
    const silent = await startSilentServer((socket) =>
      socket.end("SSH-2.0-OpenSSH_9.6 secret banner\r\n\r\n"),
    );
    cleanups.push(() => silent.close());
    const outbound = client({ allowHosts: parseAllowHosts(silent.hostPort) });
    const error = await failure(outbound.request(`http://${silent.hostPort}/`));
    expect(error).toMatchObject({
      kind: "protocol",
      message: `The answer from ${silent.hostPort} was not valid HTTP`,
    });
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain("banner");
  });
});
