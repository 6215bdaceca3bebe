import { describe, expect, it } from "vitest";
import type { ResourceKey } from "@/lib/permissions/catalogue";
import {
  auditEventsOf,
  callApi,
  callerFor,
  countRows,
  createApiTestTenant,
  createBodies,
  WRITABLE_RESOURCE_KEYS,
} from "@/lib/testing/api-test-support";
import { MAX_EVIDENCE_BODY_BYTES } from "./resources/evidence";

const ONE_MIB = 1024 * 1024;

async function expectNothingWritten(organizationId: string, key: ResourceKey, rowsBefore: number) {
  expect(await countRows(key, organizationId)).toBe(rowsBefore);
  expect(await auditEventsOf(organizationId)).toEqual([]);
}

function streamOf(totalBytes: number, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe("request bodies", () => {
  it.each(WRITABLE_RESOURCE_KEYS)(
    "%s: an unknown field such as organizationId is 422 and writes nothing",
    async (key) => {
      const tenant = await createApiTestTenant();
      const other = await createApiTestTenant();
      const caller = callerFor(tenant.organizationId);
      const body = {
        ...createBodies("x1", { roleId: tenant.memberRole.id })[key],
        organizationId: other.organizationId,
      };
      const before = await countRows(key, tenant.organizationId);
      const result = await callApi(caller, "POST", key, { body });
      expect(result.status).toBe(422);
      expect(result.response.headers.get("content-type")).toBe("application/problem+json");
      expect(result.body).toMatchObject({ status: 422, title: "Unprocessable Content" });
      expect(result.body.errors).toEqual([{ pointer: "#/organizationId", detail: "Unknown field" }]);
      await expectNothingWritten(tenant.organizationId, key, before);
      expect(await countRows(key, other.organizationId)).toBe(key === "users" ? 2 : 0);
    },
  );

  it("lists every invalid field with a JSON Pointer", async () => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", {
      body: { title: "", status: "archived", opened_at: "yesterday", organization_id: "x", "a/b~c": 1 },
    });
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([
      { pointer: "#/number", detail: "Case number is required" },
      { pointer: "#/title", detail: "Title is required" },
      { pointer: "#/status", detail: "Must be one of: open, in_review, closed" },
      { pointer: "#/opened_at", detail: "Must be an ISO 8601 date-time with a time zone" },
      { pointer: "#/organization_id", detail: "Unknown field" },
      { pointer: "#/a~1b~0c", detail: "Unknown field" },
    ]);
    expect(result.body.detail).toBe("The request has 6 invalid fields.");
  });

  it.each([
    ["an array", []],
    ["a string", "case"],
    ["null", null],
  ])("a body that is %s is 422 at the root", async (_label, body) => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", {
      body: JSON.stringify(body),
    });
    expect(result.status).toBe(422);
    expect(result.body.errors[0].pointer).toBe("#");
  });

  it.each([
    ["POST", "cases", null, "accept-post"],
    ["POST", "cases", "text/plain", "accept-post"],
    ["POST", "cases", "application/x-www-form-urlencoded", "accept-post"],
    ["POST", "cases", "application/json; charset=latin1", "accept-post"],
    ["PATCH", "cases/7d3f5c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f", "multipart/form-data", "accept-patch"],
  ])("%s %s with content type %s is 415", async (method, target, contentType, acceptHeader) => {
    const tenant = await createApiTestTenant();
    // A stream body, so that fetch does not label it text/plain by itself when there is no type.
    const result = await callApi(callerFor(tenant.organizationId), method, target, {
      body: new Blob(['{"number":"A-1","title":"t"}']).stream(),
      contentType,
    });
    expect(result.status).toBe(415);
    expect(result.response.headers.get(acceptHeader)).toBe("application/json");
    expect(result.body).toMatchObject({ status: 415, title: "Unsupported Media Type" });
    await expectNothingWritten(tenant.organizationId, "cases", 0);
  });

  it("accepts application/json with charset=utf-8, in any case", async () => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", {
      body: '{"number":"A-1","title":"t"}',
      contentType: "Application/JSON; Charset=UTF-8",
    });
    expect(result.status).toBe(201);
  });

  it.each([
    ["not JSON", "{number: 1}", "The request body is not valid JSON."],
    ["truncated", '{"number":"A-1"', "The request body is not valid JSON."],
    ["empty", "", "The request body is empty; send a JSON object."],
  ])("a %s body is 400", async (_label, body, detail) => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", { body });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ status: 400, title: "Bad Request", detail });
    await expectNothingWritten(tenant.organizationId, "cases", 0);
  });

  it("bytes that are not UTF-8 are 400", async () => {
    const tenant = await createApiTestTenant();
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", {
      body: new Blob([bytes]).stream(),
    });
    expect(result.status).toBe(400);
    expect(result.body.detail).toBe("The request body is not valid UTF-8.");
  });

  it.each([
    ["cases", ONE_MIB],
    ["evidence", MAX_EVIDENCE_BODY_BYTES],
  ] as const)("%s: a declared Content-Length over %i bytes is 413 before reading", async (key, limit) => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "POST", key, {
      body: streamOf(16),
      headers: { "content-length": String(limit + 1) },
    });
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ status: 413, title: "Content Too Large", max_bytes: limit });
  });

  it("a streamed body without Content-Length is cut off at the limit", async () => {
    const tenant = await createApiTestTenant();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const result = await callApi(
      callerFor(tenant.organizationId),
      "PATCH",
      "cases/7d3f5c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f",
      {
        body: endless,
      },
    );
    expect(result.status).toBe(413);
    expect(pulled).toBeLessThan(ONE_MIB + 3 * 64 * 1024);
  });

  it("a body of exactly the limit is read", async () => {
    const tenant = await createApiTestTenant();
    const json = JSON.stringify({ number: "A-1", title: "t" });
    const padded = json + " ".repeat(ONE_MIB - json.length);
    const result = await callApi(callerFor(tenant.organizationId), "POST", "cases", { body: padded });
    expect(result.status).toBe(201);
  });

  it("a reference to another organization's row is 422 naming the field", async () => {
    const tenant = await createApiTestTenant();
    const other = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const result = await callApi(caller, "POST", "groups", {
      body: { name: "Mixed", member_ids: [tenant.admin.id, other.admin.id] },
    });
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([
      { pointer: "#/member_ids/1", detail: "No such item exists in your organization" },
    ]);
    const user = await callApi(caller, "POST", "users", {
      body: { name: "Eve", email: "eve@example.test", role_id: other.memberRole.id },
    });
    expect(user.body.errors).toEqual([
      { pointer: "#/role_id", detail: "No such item exists in your organization" },
    ]);
    await expectNothingWritten(tenant.organizationId, "groups", 0);
  });
});
