import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/api/api-problem";
import { createRequestListener } from "@/lib/server/request-listener";
import "@/lib/testing/test-secret-pepper";
import { apiGet, bearer, createPersonTenant } from "@/lib/testing/person-credential-test-support";
import { BEARER_SHAPE, BOTH_HEADERS, HEADER_TWICE, ONE_METHOD, readCredentials } from "./read-credentials";

function problemOf(headers: Record<string, string>): ApiProblem {
  try {
    readCredentials(new Headers(headers));
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error("no problem was raised");
}

describe("strict credential parsing (RFC 6750 §2.1, §3.1)", () => {
  it.each([
    ["a token followed by more", { authorization: "Bearer abc.def.ghi extra" }, BEARER_SHAPE],
    ["two bearer tokens joined", { authorization: "Bearer abc, Bearer def" }, BEARER_SHAPE],
    ["a bearer scheme without a token", { authorization: "Bearer" }, BEARER_SHAPE],
    ["a token with a quote", { authorization: 'Bearer "abc"' }, BEARER_SHAPE],
    [
      "both a bearer token and api headers",
      { authorization: "Bearer abc", "api-key": "k", "api-secret": "s" },
      ONE_METHOD,
    ],
    ["half of the api headers", { "api-key": "lkc_x" }, BOTH_HEADERS],
    ["an api header sent twice", { "api-key": "lkc_a, lkc_b", "api-secret": "s" }, HEADER_TWICE],
  ])("answers 400 invalid_request for %s", (_label, headers, detail) => {
    const problem = problemOf(headers);
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe(detail);
    expect(problem.headers["www-authenticate"]).toContain('error="invalid_request"');
  });

  it("accepts exactly one token after the scheme, the scheme in any case, spaces between", () => {
    expect(readCredentials(new Headers({ authorization: "bearer  abc.def-ghi_~+/==" }))).toMatchObject({
      scheme: "bearer",
      token: "abc.def-ghi_~+/==",
    });
  });

  it("refuses a valid token followed by junk, which was accepted before", async () => {
    const tenant = await createPersonTenant();
    expect((await apiGet("cases", bearer(tenant.accessToken))).status).toBe(200);
    const response = await apiGet("cases", { authorization: `Bearer ${tenant.accessToken} extra` });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_request"');
  });

  it("refuses a request with two Authorization headers instead of answering the first", async () => {
    const tenant = await createPersonTenant();
    const server = http.createServer(
      createRequestListener({
        trustedProxies: [],
        origin: "http://localhost",
        next: (_request, response) => {
          response.end();
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const raw = (lines: string[]) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.write(`${lines.join("\r\n")}\r\n\r\n`));
        let received = "";
        socket.on("data", (chunk) => {
          received += chunk.toString();
        });
        socket.on("end", () => resolve(received));
        socket.on("error", reject);
      });
    try {
      const once = await raw([
        "GET /api/v1/cases HTTP/1.1",
        "Host: localhost",
        "Connection: close",
        `Authorization: Bearer ${tenant.accessToken}`,
      ]);
      expect(once.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
      const twice = await raw([
        "GET /api/v1/cases HTTP/1.1",
        "Host: localhost",
        "Connection: close",
        `Authorization: Bearer ${tenant.accessToken}`,
        "Authorization: Bearer somebody-elses-token",
      ]);
      expect(twice.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
      expect(twice.toLowerCase()).toContain('error="invalid_request"');
    } finally {
      server.close();
    }
  });
});
