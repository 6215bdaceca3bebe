import { describe, expect, it } from "vitest";
import { endpointsOf, RESOURCES, type Scope, scopeOf } from "@/lib/permissions/catalogue";
import { auditEventsOf, callApi, callerFor, createApiTestTenant } from "@/lib/testing/api-test-support";
import { captureLog } from "@/lib/testing/capture-log";

const SOME_ID = "7d3f5c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f";

/** Every catalogue endpoint, with a concrete path under /api/v1. */
const ENDPOINTS = RESOURCES.flatMap((resource) =>
  resource.operations.flatMap((operation) =>
    endpointsOf(resource.key, operation).map((endpoint) => ({
      resource: resource.key,
      operation,
      method: endpoint.method,
      target: endpoint.path.replace("/api/v1/", "").replace("{id}", SOME_ID),
      scope: scopeOf(resource.key, operation),
    })),
  ),
);

const READ_ONLY: Scope[] = RESOURCES.map((resource) => scopeOf(resource.key, "read"));

describe("routing and scopes", () => {
  const writes = ENDPOINTS.filter((endpoint) => endpoint.operation !== "read");

  it.each(writes.map((endpoint) => [endpoint.method, endpoint.target, endpoint.scope] as const))(
    "a read-only caller gets 403 for %s %s (needs %s)",
    async (method, target, scope) => {
      const tenant = await createApiTestTenant();
      const result = await callApi(callerFor(tenant.organizationId, READ_ONLY), method, target, {
        body: method === "POST" || method === "PATCH" ? { title: "x" } : undefined,
      });
      expect(result.status).toBe(403);
      expect(result.response.headers.get("www-authenticate")).toBe(
        `Bearer error="insufficient_scope", scope="${scope}"`,
      );
      expect(result.response.headers.get("content-type")).toBe("application/problem+json");
      expect(result.body).toMatchObject({ status: 403, title: "Forbidden", required_scope: scope });
      expect(result.body.detail).toContain(scope);
      expect(await auditEventsOf(tenant.organizationId)).toEqual([]);
    },
  );

  it.each(
    ENDPOINTS.filter((endpoint) => endpoint.operation === "read").map((e) => [e.target, e.scope] as const),
  )("a caller holding every other scope gets 403 for GET %s", async (target, scope) => {
    const tenant = await createApiTestTenant();
    const others = callerFor(tenant.organizationId).scopes.filter((candidate) => candidate !== scope);
    const result = await callApi(callerFor(tenant.organizationId, others), "GET", target);
    expect(result.status).toBe(403);
    expect(result.body.required_scope).toBe(scope);
  });

  it.each([
    ["GET", "widgets"],
    ["GET", "cases/some/thing"],
    ["GET", `cases/${SOME_ID}/content`],
    ["GET", ""],
    ["POST", "openapi"],
    ["GET", `reports/${SOME_ID}/content`],
  ])("%s /api/v1/%s is 404", async (method, target) => {
    const result = await callApi(callerFor(crypto.randomUUID()), method, target);
    expect(result.status).toBe(404);
    expect(result.response.headers.get("content-type")).toBe("application/problem+json");
    expect(result.body).toMatchObject({ type: "about:blank", title: "Not Found", status: 404 });
  });

  it.each([
    ["PUT", "cases", "GET, HEAD, POST"],
    ["DELETE", "cases", "GET, HEAD, POST"],
    ["POST", `cases/${SOME_ID}`, "GET, HEAD, PATCH, DELETE"],
    ["PATCH", `reports/${SOME_ID}`, "GET, HEAD, DELETE"],
    ["DELETE", `evidence/${SOME_ID}/content`, "GET, HEAD"],
    ["POST", `evidence/${SOME_ID}/content`, "GET, HEAD"],
  ])("%s /api/v1/%s is 405 with Allow: %s", async (method, target, allow) => {
    const result = await callApi(callerFor(crypto.randomUUID()), method, target);
    expect(result.status).toBe(405);
    expect(result.response.headers.get("allow")).toBe(allow);
    expect(result.body).toMatchObject({ status: 405, allowed_methods: allow.split(", ") });
  });

  it("answers HEAD as GET without the content, with the same scope check", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const get = await callApi(caller, "GET", "cases");
    const head = await callApi(caller, "HEAD", "cases");
    expect(head.status).toBe(200);
    expect(head.response.headers.get("content-type")).toBe("application/json");
    expect(await head.response.text()).toBe("");
    expect(get.status).toBe(200);
    const denied = await callApi(callerFor(tenant.organizationId, []), "HEAD", "cases");
    expect(denied.status).toBe(403);
    expect(denied.response.headers.get("www-authenticate")).toContain('scope="cases:read"');
  });

  it.each(["not-a-uuid", "1", "7d3f5c1e2b4a4c6d8e9f0a1b2c3d4e5f", `${SOME_ID}x`])(
    "a malformed ID (%s) is the same 404 as an unknown one",
    async (id) => {
      const tenant = await createApiTestTenant();
      const caller = callerFor(tenant.organizationId);
      const unknownCase = (await callApi(caller, "GET", `cases/${SOME_ID}`)).body;
      const unknownEvidence = (await callApi(caller, "GET", `evidence/${SOME_ID}/content`)).body;
      expect(unknownCase).toMatchObject({ status: 404, detail: "No case with this ID exists." });
      for (const [method, target, expected] of [
        ["GET", `cases/${id}`, unknownCase],
        ["PATCH", `cases/${id}`, unknownCase],
        ["DELETE", `cases/${id}`, unknownCase],
        ["GET", `evidence/${id}/content`, unknownEvidence],
      ] as const) {
        const result = await callApi(caller, method, target, { body: method === "PATCH" ? {} : undefined });
        expect(result.status).toBe(404);
        expect(result.body).toEqual(expected);
      }
    },
  );

  it("answers 500 as a problem when the store fails, without leaking the error", async () => {
    const log = captureLog();
    const result = await callApi(callerFor("not-a-uuid-organization"), "GET", "cases");
    log.stop();
    // Logged once, by SQLSTATE and query name: not the query's text or values.
    const failures = log.entries().filter((entry) => entry.level === "error");
    expect(failures).toEqual([
      expect.objectContaining({
        component: "api",
        err: expect.objectContaining({ type: "DatabaseQueryError", query: "select cases", code: "22P02" }),
      }),
    ]);
    expect(log.text()).not.toContain("not-a-uuid-organization");
    expect(result.status).toBe(500);
    expect(result.body).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "The request could not be completed.",
    });
  });
});
