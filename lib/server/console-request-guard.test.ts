import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/config/server-action-limits";
import { createRequestListener } from "./request-listener";

const ORIGIN = "http://console.example.test:3000";
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** Latchkey's listener in front of a "Next" that counts what reaches it. */
async function startServer() {
  const reached: string[] = [];
  const server = http.createServer(
    createRequestListener({
      trustedProxies: [],
      origin: `${ORIGIN}/`,
      next: (request, response) => {
        reached.push(`${request.method} ${request.url}`);
        request.resume();
        request.on("end", () => response.end("rendered by next"));
      },
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, reached };
}

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  chunked?: boolean;
}

/** One request with exactly the headers given (fetch would add or refuse some). */
function send(port: number, { method = "POST", path = "/admin/users", headers = {}, body, chunked }: Sent) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      });
      request.on("error", reject);
      if (chunked && body !== undefined) {
        request.write(body);
        request.end();
      } else request.end(body);
    },
  );
}

const action = (extra: Record<string, string | number>, body = '["x"]') => ({
  headers: { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8", ...extra },
  body,
});

describe("server-action POSTs through Latchkey's server", () => {
  it.each([
    ["a foreign origin", { origin: "https://attacker.example" }],
    ["a null origin (sandboxed frame)", { origin: "null" }],
    ["the right host on another scheme", { origin: "https://console.example.test:3000" }],
    ["the right host on another port", { origin: "http://console.example.test:3001" }],
    ["no origin at all", {}],
  ])("answer 403 for %s, and never reach Next", async (_label, headers) => {
    const { port, reached } = await startServer();
    const response = await send(port, action(headers));
    expect(response.status).toBe(403);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(response.body)).toMatchObject({ status: 403, title: "Forbidden" });
    expect(reached).toEqual([]);
  });

  it("refuse a cross-site form post without JavaScript (multipart, no next-action header)", async () => {
    const { port, reached } = await startServer();
    const response = await send(port, {
      path: "/admin/api-settings/clients/new",
      headers: { origin: "https://attacker.example", "content-type": "multipart/form-data; boundary=x" },
      body: "--x--\r\n",
    });
    expect(response.status).toBe(403);
    expect(reached).toEqual([]);
  });

  it("answer 413 for a body declared over the limit, before any of it is read", async () => {
    const { port, reached } = await startServer();
    const size = SERVER_ACTION_BODY_LIMIT_BYTES + 1;
    const response = await send(port, action({ origin: ORIGIN, "content-length": size }, "x".repeat(size)));
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe("close");
    expect(JSON.parse(response.body)).toMatchObject({ status: 413, title: "Content Too Large" });
    expect(reached).toEqual([]);
  });

  it("answer 411 for a chunked body, whose size nothing declares", async () => {
    const { port, reached } = await startServer();
    const response = await send(port, { ...action({ origin: ORIGIN }), chunked: true });
    expect(response.status).toBe(411);
    expect(reached).toEqual([]);
  });

  it("let the console's own posts through, up to the limit exactly", async () => {
    const { port, reached } = await startServer();
    const small = await send(port, action({ origin: ORIGIN }));
    expect(small.status).toBe(200);
    const atLimit = "x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect((await send(port, action({ origin: ORIGIN }, atLimit))).status).toBe(200);
    expect(reached).toEqual(["POST /admin/users", "POST /admin/users"]);
  });

  it("leave pages, route handlers and Auth.js to their own rules", async () => {
    const { port, reached } = await startServer();
    expect((await send(port, { method: "GET", path: "/admin/users" })).status).toBe(200);
    const authPost = await send(port, {
      path: "/api/auth/signout",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=x",
    });
    expect(authPost.status).toBe(200);
    expect(reached).toEqual(["GET /admin/users", "POST /api/auth/signout"]);
  });
});
