import { describe, expect, it } from "vitest";
import { ALL_SCOPES, endpointsOf, RESOURCES, scopeOf } from "@/lib/permissions/catalogue";
import { buildOpenApiDocument } from "./openapi-document";

const document = buildOpenApiDocument("https://latchkey.example/");
// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
type Json = any;
const json: Json = JSON.parse(JSON.stringify(document));

/** Every "$ref" anywhere in the document. */
function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

function resolve(ref: string): Json {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce((node: Json, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], json);
}

const ENDPOINTS = RESOURCES.flatMap((resource) =>
  resource.operations.flatMap((operation) =>
    endpointsOf(resource.key, operation).map((endpoint) => ({
      ...endpoint,
      scope: scopeOf(resource.key, operation),
    })),
  ),
);

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1.0 and survives JSON serialization unchanged", () => {
    expect(json.openapi).toBe("3.1.0");
    expect(json).toEqual(document);
    expect(json.servers).toEqual([{ url: "https://latchkey.example" }]);
    expect(json.info).toMatchObject({ title: "Latchkey API" });
  });

  it.each(ENDPOINTS.map((endpoint) => [endpoint.method, endpoint.path, endpoint.scope] as const))(
    "%s %s requires %s",
    (method, path, scope) => {
      const operation = json.paths[path]?.[method.toLowerCase()];
      expect(operation).toBeDefined();
      expect(operation.security).toEqual([
        { oauth2: [scope] },
        { personalToken: [scope] },
        { apiKey: [], apiSecret: [] },
        { basicAuth: [] },
        { legacyKey: [] },
      ]);
      expect(operation["x-required-scope"]).toBe(scope);
      expect(operation.description).toContain(scope);
      expect(operation.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
      expect(operation.responses["401"]).toEqual({ $ref: "#/components/responses/Unauthorized" });
    },
  );

  it("has no operation the catalogue does not define", () => {
    const documented = Object.entries(json.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort(),
    );
    const operationIds = Object.values(json.paths).flatMap((item) =>
      Object.values(item as Record<string, Json>).map((operation) => operation.operationId),
    );
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("declares the client credentials flow with every catalogue scope, and the api-key headers", () => {
    const schemes = json.components.securitySchemes;
    expect(schemes.oauth2.flows.clientCredentials.tokenUrl).toBe("https://latchkey.example/api/oauth/token");
    expect(Object.keys(schemes.oauth2.flows.clientCredentials.scopes)).toEqual(ALL_SCOPES);
    expect(schemes.oauth2.flows.clientCredentials.scopes["users:delete"]).toBe(
      "Delete Users (deactivates the user)",
    );
    expect(schemes.apiKey).toMatchObject({ type: "apiKey", in: "header", name: "api-key" });
    expect(schemes.apiSecret).toMatchObject({ type: "apiKey", in: "header", name: "api-secret" });
    expect(schemes.personalToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.basicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(schemes.legacyKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("resolves every $ref", () => {
    const refs = refsIn(json);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeDefined();
  });

  it("documents strict request bodies and hides what responses never carry", () => {
    const schemas = json.components.schemas;
    expect(schemas.CaseCreate).toMatchObject({ additionalProperties: false, required: ["number", "title"] });
    expect(schemas.CaseUpdate.additionalProperties).toBe(false);
    expect(schemas.CaseUpdate.required).toBeUndefined();
    expect(schemas.ReportUpdate).toBeUndefined();
    expect(schemas.EvidenceCreate.properties.content).toMatchObject({ contentEncoding: "base64" });
    expect(Object.keys(schemas.User.properties)).not.toContain("password_hash");
    expect(Object.keys(schemas.User.properties)).not.toContain("session_version");
    expect(Object.keys(schemas.Evidence.properties)).not.toContain("content");
    for (const name of ["Case", "User", "Evidence", "Group", "Device", "Report", "Category"]) {
      expect(Object.keys(schemas[name].properties)).not.toContain("organization_id");
      expect(schemas[`${name}List`].required).toEqual(["data", "next_cursor"]);
    }
    expect(schemas.Group.properties.member_ids).toMatchObject({ type: "array" });
  });

  it("documents list parameters from the same schema the handler validates with", () => {
    const names = json.paths["/api/v1/cases"].get.parameters.map((parameter: Json) => parameter.name);
    expect(names).toEqual(["status", "q", "opened_after", "opened_before", "limit", "cursor", "sort"]);
    const limit = json.paths["/api/v1/cases"].get.parameters.find(
      (parameter: Json) => parameter.name === "limit",
    );
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 25 });
    const item = json.paths["/api/v1/evidence/{id}/content"].get;
    expect(item.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(item.responses["200"].headers).toHaveProperty("ETag");
  });

  it("describes errors as problem+json", () => {
    for (const response of Object.values(json.components.responses) as Json[]) {
      expect(response.content["application/problem+json"].schema).toEqual({
        $ref: "#/components/schemas/Problem",
      });
    }
  });
});
