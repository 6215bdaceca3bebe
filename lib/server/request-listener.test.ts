import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/net/client-address";
import { createRequestListener } from "./request-listener";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server whose "Next" echoes the headers it was handed. */
async function startServer(trusted: string | undefined) {
  const server = http.createServer(
    createRequestListener({
      trustedProxies: parseTrustedProxies(trusted),
      origin: "http://localhost",
      next: (request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(request.headers));
      },
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const spoofing = {
  "x-forwarded-for": "203.0.113.5",
  "x-real-ip": "203.0.113.6",
  forwarded: "for=203.0.113.7",
  "x-latchkey-client-ip": "203.0.113.8",
};

describe("the server's client address", () => {
  it("is the TCP peer; every forwarding header a client sends is replaced", async () => {
    const base = await startServer(undefined);
    const seen = (await (await fetch(`${base}/sign-in`, { headers: spoofing })).json()) as Record<
      string,
      string | undefined
    >;
    expect(seen["x-latchkey-client-ip"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-real-ip"]).toBeUndefined();
    expect(seen.forwarded).toBeUndefined();
  });

  it("honours X-Forwarded-For from a trusted proxy, taking the right-most untrusted hop", async () => {
    const base = await startServer("127.0.0.1/32");
    const seen = (await (
      await fetch(`${base}/sign-in`, { headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.5" } })
    ).json()) as Record<string, string>;
    expect(seen["x-latchkey-client-ip"]).toBe("203.0.113.5");
  });
});
