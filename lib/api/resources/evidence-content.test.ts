import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callApi, callerFor, countRows, createApiTestTenant } from "@/lib/testing/api-test-support";
import { MAX_EVIDENCE_CONTENT_BYTES } from "./evidence";

async function createEvidence(caller: ReturnType<typeof callerFor>, bytes: Buffer, title = "Dash cam.mp4") {
  return callApi(caller, "POST", "evidence", {
    body: {
      title,
      content_type: "video/mp4",
      content: bytes.toString("base64"),
      captured_at: "2026-04-01T08:30:00Z",
    },
  });
}

describe("evidence content", () => {
  it("round-trips the bytes with type, length, SHA-256 ETag and an attachment disposition", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const bytes = randomBytes(200_000);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const created = await createEvidence(caller, bytes, "Ünit 7 «dash» cam.mp4");
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ size_bytes: bytes.length, sha256, content_type: "video/mp4" });
    expect(created.body).not.toHaveProperty("content");

    const download = await callApi(caller, "GET", `evidence/${created.body.id}/content`);
    expect(download.status).toBe(200);
    const headers = download.response.headers;
    expect(headers.get("content-type")).toBe("video/mp4");
    expect(headers.get("content-length")).toBe(String(bytes.length));
    expect(headers.get("etag")).toBe(`"${sha256}"`);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-disposition")).toBe(
      `attachment; filename="_nit 7 _dash_ cam.mp4"; filename*=UTF-8''%C3%9Cnit%207%20%C2%ABdash%C2%BB%20cam.mp4`,
    );
    expect(Buffer.from(await download.response.arrayBuffer()).equals(bytes)).toBe(true);

    const cached = await callApi(caller, "GET", `evidence/${created.body.id}/content`, {
      headers: { "if-none-match": `W/"other", "${sha256}"` },
    });
    expect(cached.status).toBe(304);
    expect(cached.response.headers.get("etag")).toBe(`"${sha256}"`);
    expect(await cached.response.text()).toBe("");
  });

  it("needs evidence:download, not evidence:read", async () => {
    const { organizationId } = await createApiTestTenant();
    const created = await createEvidence(callerFor(organizationId), Buffer.from("secret"));
    const reader = callerFor(organizationId, ["evidence:read"]);
    const result = await callApi(reader, "GET", `evidence/${created.body.id}/content`);
    expect(result.status).toBe(403);
    expect(result.body.required_scope).toBe("evidence:download");
  });

  it("accepts 10 MiB of content and refuses a byte more with 422", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const largest = await createEvidence(caller, Buffer.alloc(MAX_EVIDENCE_CONTENT_BYTES, 7));
    expect(largest.status).toBe(201);
    expect(largest.body.size_bytes).toBe(MAX_EVIDENCE_CONTENT_BYTES);
    const tooLarge = await createEvidence(caller, Buffer.alloc(MAX_EVIDENCE_CONTENT_BYTES + 1, 7));
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.errors).toEqual([
      { pointer: "#/content", detail: "Content must be 10 MiB or smaller once decoded" },
    ]);
    expect(await countRows("evidence", organizationId)).toBe(1);
  });

  it.each([
    ["not base64", "%%%", "Must be base64 (RFC 4648 §4, with padding)"],
    ["empty", "", "Content must not be empty"],
  ])("content that is %s is 422", async (_label, content, detail) => {
    const { organizationId } = await createApiTestTenant();
    const result = await callApi(callerFor(organizationId), "POST", "evidence", {
      body: { title: "x", content_type: "text/plain", content, captured_at: "2026-04-01T08:30:00Z" },
    });
    expect(result.status).toBe(422);
    expect(result.body.errors).toContainEqual({ pointer: "#/content", detail });
  });

  it("content and its type cannot be changed by PATCH", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const created = await createEvidence(caller, Buffer.from("original"));
    const result = await callApi(caller, "PATCH", `evidence/${created.body.id}`, {
      body: { content: Buffer.from("forged").toString("base64"), content_type: "text/html" },
    });
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([
      { pointer: "#/content", detail: "Unknown field" },
      { pointer: "#/content_type", detail: "Unknown field" },
    ]);
  });
});
