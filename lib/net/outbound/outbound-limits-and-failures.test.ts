import { afterEach, describe, expect, it } from "vitest";
import { FAKE_AXONIUS_TLS_CERT } from "@/lib/axonius/fake/fake-tls-certificate";
import { outboundFailure, outboundResources, tableResolver } from "@/lib/testing/outbound-test-support";
import { parseAllowHosts } from "./allow-hosts";

const use = outboundResources();
afterEach(() => use.cleanup());

describe("limits", () => {
  it("stops at the size cap when Content-Length says the answer is too large", async () => {
    const remote = await use.server((_, response) => {
      response.writeHead(200, { "content-length": "2000" });
      response.end("x".repeat(2000));
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await outboundFailure(outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 1000 })),
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
    const remote = await use.server((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write("y".repeat(16 * 1024)), 1);
      response.on("close", () => {
        clearInterval(timer);
        closed();
      });
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await outboundFailure(outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 64 * 1024 })),
    ).toMatchObject({
      kind: "too_large",
      message: `The answer from ${remote.hostPort} is larger than 64 KiB, so Latchkey stopped reading it`,
    });
    await connectionClosed;
  });

  it("accepts an answer of exactly the cap", async () => {
    const remote = await use.server((_, response) => response.end("z".repeat(1024)));
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    const response = await outbound.request(`http://${remote.hostPort}/`, { maxResponseBytes: 1024 });
    expect(response.body.byteLength).toBe(1024);
  });

  it("times out a host that takes the request and never answers", async () => {
    const remote = await use.server(() => {});
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await outboundFailure(outbound.request(`http://${remote.hostPort}/`, { timeoutMs: 300 })),
    ).toMatchObject({
      kind: "timeout",
      message: `The host ${remote.hostPort} did not answer within 0.3 s`,
    });
  });

  it("times out an answer whose body stops arriving", async () => {
    const remote = await use.server((_, response) => {
      response.writeHead(200);
      response.write("partial");
    });
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(
      await outboundFailure(outbound.request(`http://${remote.hostPort}/`, { timeoutMs: 300 })),
    ).toMatchObject({
      kind: "timeout",
      message: `The host ${remote.hostPort} did not answer within 0.3 s`,
    });
  });

  it("times out a connection whose TLS handshake never completes", async () => {
    const silent = await use.silentServer();
    const outbound = use.client({ allowHosts: parseAllowHosts(silent.hostPort), connectTimeoutMs: 300 });
    expect(await outboundFailure(outbound.request(`https://${silent.hostPort}/`))).toMatchObject({
      kind: "timeout",
      message: `The host ${silent.hostPort} did not accept a connection within 0.3 s`,
    });
  });

  it("times out a DNS look-up that does not answer", async () => {
    const outbound = use.client({ resolveHost: () => new Promise(() => {}), connectTimeoutMs: 300 });
    await expect(outbound.checkUrl("https://slow-dns.example.com")).resolves.toEqual({
      ok: false,
      kind: "timeout",
      message: "The host name slow-dns.example.com could not be resolved within 0.3 s",
    });
  });
});

describe("connection failures", () => {
  it("says the host refused the connection", async () => {
    const remote = await use.server(() => {});
    const port = remote.port;
    await remote.close();
    const outbound = use.client({ allowHosts: parseAllowHosts(`127.0.0.1:${port}`) });
    expect(await outboundFailure(outbound.request(`http://127.0.0.1:${port}/`))).toMatchObject({
      kind: "unreachable",
      message: `The host 127.0.0.1:${port} refused the connection`,
    });
  });

  it("reports an untrusted (self-signed) certificate as a TLS failure", async () => {
    const remote = await use.server((_, response) => response.end("secret"), { tls: true });
    const outbound = use.client({
      allowHosts: parseAllowHosts(`axonius.test:${remote.port}`),
      resolveHost: tableResolver({ "axonius.test": ["127.0.0.1"] }),
    });
    expect(await outboundFailure(outbound.request(`https://axonius.test:${remote.port}/`))).toMatchObject({
      kind: "tls",
      message: `The TLS certificate of axonius.test:${remote.port} is not trusted (self-signed or from an unknown authority)`,
    });
    expect(remote.requests).toHaveLength(0);
  });

  it("checks the certificate against the host name, not the address it connected to", async () => {
    const remote = await use.server((_, response) => response.end("over tls"), { tls: true });
    const outbound = use.client({
      allowHosts: parseAllowHosts(`axonius.test:${remote.port},other.test:${remote.port}`),
      resolveHost: tableResolver({ "axonius.test": ["127.0.0.1"], "other.test": ["127.0.0.1"] }),
      ca: FAKE_AXONIUS_TLS_CERT,
    });
    expect((await outbound.request(`https://axonius.test:${remote.port}/`)).body.toString()).toBe("over tls");
    expect(await outboundFailure(outbound.request(`https://other.test:${remote.port}/`))).toMatchObject({
      kind: "tls",
      message: `The TLS certificate presented does not name other.test:${remote.port}`,
    });
  });

  it("reports https to a server that speaks plain http as a TLS failure", async () => {
    const remote = await use.server((_, response) => response.end("plain"));
    const outbound = use.client({ allowHosts: parseAllowHosts(remote.hostPort) });
    expect(await outboundFailure(outbound.request(`https://${remote.hostPort}/`))).toMatchObject({
      kind: "tls",
      message: `A secure (TLS) connection to ${remote.hostPort} could not be established`,
    });
  });

  it("reports an answer that is not HTTP, without quoting it", async () => {
    const silent = await use.silentServer((socket) =>
      socket.end("SSH-2.0-OpenSSH_9.6 secret banner\r\n\r\n"),
    );
    const outbound = use.client({ allowHosts: parseAllowHosts(silent.hostPort) });
    const error = await outboundFailure(outbound.request(`http://${silent.hostPort}/`));
    expect(error).toMatchObject({
      kind: "protocol",
      message: `The answer from ${silent.hostPort} was not valid HTTP`,
    });
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain("banner");
  });
});
