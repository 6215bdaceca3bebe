import { describe, expect, it } from "vitest";
import * as discoveryRoute from "@/app/.well-known/oauth-authorization-server/route";
import * as healthRoute from "@/app/api/health/route";
import * as introspectRoute from "@/app/api/oauth/introspect/route";
import * as jwksRoute from "@/app/api/oauth/jwks/route";
import * as revokeRoute from "@/app/api/oauth/revoke/route";
import * as tokenRoute from "@/app/api/oauth/token/route";
import * as apiRoute from "@/app/api/v1/[...path]/route";
import { asIfFromServer } from "@/lib/testing/client-address-test-support";
import { basicAuth, createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { findDirectHandler } from "./direct-routes";

const IP = "198.51.100.61";
const MATTERING_HEADERS = [
  "content-type",
  "cache-control",
  "pragma",
  "www-authenticate",
  "allow",
  "retry-after",
  "location",
];

type RouteModule = Record<string, unknown>;

/** The same request through the server's direct path and through Next's route adapter. */
async function throughBoth(route: RouteModule, make: () => Request) {
  const directRequest = make();
  const pathname = new URL(directRequest.url).pathname;
  const handler = findDirectHandler(pathname);
  if (!handler) throw new Error(`no direct handler for ${pathname}`);
  const direct = await handler(directRequest, IP);

  const nextRequest = asIfFromServer(make(), IP);
  const exported = route[nextRequest.method] as (
    request: Request,
    context: unknown,
  ) => Promise<Response> | Response;
  const segments = pathname.startsWith("/api/v1/") ? pathname.slice("/api/v1/".length).split("/") : [];
  const viaNext = await exported(nextRequest, { params: Promise.resolve({ path: segments }) });
  return { direct, viaNext };
}

async function snapshot(response: Response, normalize: (body: string) => string = (body) => body) {
  const headers = Object.fromEntries(MATTERING_HEADERS.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, body: normalize(await response.text()) };
}

const hideTokens = (body: string) => body.replace(/"access_token":"[^"]+"/, '"access_token":"…"');

describe("the direct server path and the Next route adapters agree", () => {
  it("on every machine endpoint, for successes and errors", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const basic = { authorization: basicAuth(tenant.client.clientId, tenant.secret) };
    const form =
      (path: string, body: string, headers: Record<string, string> = basic) =>
      () =>
        new Request(`http://localhost:3000${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body,
        });
    const get =
      (path: string, headers: Record<string, string> = {}) =>
      () =>
        new Request(`http://localhost:3000${path}`, { headers });

    const tokenResponse = await (
      await throughBoth(tokenRoute, form("/api/oauth/token", "grant_type=client_credentials"))
    ).direct.json();
    const bearer = { authorization: `Bearer ${(tokenResponse as { access_token: string }).access_token}` };

    const cases: Array<[string, RouteModule, () => Request]> = [
      ["discovery", discoveryRoute, get("/.well-known/oauth-authorization-server")],
      ["jwks", jwksRoute, get("/api/oauth/jwks")],
      ["health", healthRoute, get("/api/health")],
      ["token", tokenRoute, form("/api/oauth/token", "grant_type=client_credentials")],
      [
        "token, wrong secret",
        tokenRoute,
        form("/api/oauth/token", "grant_type=client_credentials", {
          authorization: basicAuth(tenant.client.clientId, "lk_cs_wrong"),
        }),
      ],
      ["token, repeated parameter", tokenRoute, form("/api/oauth/token", "grant_type=a&grant_type=b")],
      ["introspection", introspectRoute, form("/api/oauth/introspect", "token=not-a-token")],
      ["revocation", revokeRoute, form("/api/oauth/revoke", "token=not-a-token")],
      ["resource list", apiRoute, get("/api/v1/cases?limit=3", bearer)],
      ["resource without credentials", apiRoute, get("/api/v1/cases")],
      ["resource outside the scope", apiRoute, get("/api/v1/devices", bearer)],
      ["unknown resource", apiRoute, get("/api/v1/payroll", bearer)],
      ["OpenAPI document", apiRoute, get("/api/v1/openapi.json")],
    ];
    for (const [label, route, make] of cases) {
      const { direct, viaNext } = await throughBoth(route, make);
      expect(await snapshot(direct, hideTokens), label).toEqual(await snapshot(viaNext, hideTokens));
    }
  });

  it("leaves console paths to Next", () => {
    for (const path of ["/", "/sign-in", "/admin/api-settings", "/api/auth/session", "/api/v1"]) {
      expect(findDirectHandler(path), path).toBeNull();
    }
  });
});
