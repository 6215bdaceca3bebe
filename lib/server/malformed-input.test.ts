import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { accessTokenFor, createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { findDirectHandler } from "./direct-routes";

const IP = "198.51.100.71";

describe("malformed input is a clear client error, never a crash or a 500", () => {
  it("answers 400 for a path with broken percent-encoding instead of throwing", async () => {
    const handler = findDirectHandler("/api/v1/%E0%A4%A");
    expect(handler).not.toBeNull();
    const response = await handler?.(new Request("http://localhost/api/v1/%E0%A4%A"), IP);
    expect(response?.status).toBe(400);
    expect(response?.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses NUL characters in bodies, filters and Basic credentials", async () => {
    const tenant = await createTenantWithClient(["cases:read", "cases:create", "devices:read"]);
    const bearer = {
      authorization: `Bearer ${await accessTokenFor(tenant.client.clientId, tenant.secret, IP)}`,
    };
    const call = (path: string, init: RequestInit = {}) => {
      const request = new Request(`http://localhost/api/v1/${path}`, init);
      return handleApiRequest(request, IP, new URL(request.url).pathname.split("/").slice(3));
    };
    const create = await call("cases", {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ number: "NUL-1", title: "Nul", description: "bad\u0000text" }),
    });
    expect(create.status).toBe(422);
    expect(((await create.json()) as { errors: Array<{ pointer: string }> }).errors[0]?.pointer).toBe(
      "#/description",
    );

    for (const path of ["cases?q=a%00b", "devices?serial=a%00b"]) {
      const response = await call(path, { headers: bearer });
      expect(response.status, path).toBe(422);
    }
    const basic = await call("cases", {
      headers: { authorization: `Basic ${Buffer.from("a\u0000b@example.com:password").toString("base64")}` },
    });
    expect(basic.status).toBe(401);
  });
});
