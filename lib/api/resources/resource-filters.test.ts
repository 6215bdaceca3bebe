import { describe, expect, it } from "vitest";
import {
  type ApiResult,
  callApi,
  callerFor,
  createApiTestTenant,
  createItem,
} from "@/lib/testing/api-test-support";

type Caller = ReturnType<typeof callerFor>;

function idsOf(result: ApiResult): string[] {
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.data.map((item: { id: string }) => item.id).sort();
}

async function expectFilter(caller: Caller, query: string, expected: { id: string }[]) {
  expect(idsOf(await callApi(caller, "GET", query)), query).toEqual(expected.map((item) => item.id).sort());
}

describe("list filters", () => {
  it("cases: status, q on title and number, opened_after/before", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const a = await createItem(caller, "cases", {
      number: "DA-100",
      title: "Burglary",
      opened_at: "2026-01-10T00:00:00Z",
    });
    const b = await createItem(caller, "cases", {
      number: "DA-200",
      title: "100% fraud",
      status: "closed",
      opened_at: "2026-02-10T00:00:00Z",
    });
    expect(b.closed_at).not.toBeNull();
    await expectFilter(caller, "cases?status=closed", [b]);
    await expectFilter(caller, "cases?q=burg", [a]);
    await expectFilter(caller, "cases?q=100", [a, b]);
    await expectFilter(caller, "cases?q=100%25", [b]);
    await expectFilter(caller, "cases?opened_after=2026-02-01T00:00:00Z", [b]);
    await expectFilter(caller, "cases?opened_before=2026-02-10T00:00:00Z", [a]);
  });

  it("evidence: case_id, category_id, content_type, captured_after/before", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const kase = await createItem(caller, "cases", { number: "E-1", title: "Case" });
    const category = await createItem(caller, "categories", { name: "Photos" });
    const content = Buffer.from("x").toString("base64");
    const photo = await createItem(caller, "evidence", {
      title: "p.jpg",
      content_type: "image/jpeg",
      content,
      captured_at: "2026-01-01T00:00:00Z",
      case_id: kase.id,
      category_id: category.id,
    });
    const note = await createItem(caller, "evidence", {
      title: "n.txt",
      content_type: "Text/Plain",
      content,
      captured_at: "2026-03-01T00:00:00Z",
    });
    expect(note.content_type).toBe("text/plain");
    await expectFilter(caller, `evidence?case_id=${kase.id}`, [photo]);
    await expectFilter(caller, `evidence?category_id=${category.id}`, [photo]);
    await expectFilter(caller, "evidence?content_type=text/plain", [note]);
    await expectFilter(caller, "evidence?captured_after=2026-02-01T00:00:00Z", [note]);
    await expectFilter(caller, "evidence?captured_before=2026-02-01T00:00:00%2B01:00", [photo]);
  });

  it("devices: status, type, assigned_user_id, serial", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const camera = await createItem(caller, "devices", {
      serial: "X1",
      model: "Body 4",
      type: "body_camera",
      status: "assigned",
      assigned_user_id: tenant.member.id,
    });
    const dock = await createItem(caller, "devices", { serial: "D1", model: "Dock 8", type: "dock" });
    await expectFilter(caller, "devices?status=available", [dock]);
    await expectFilter(caller, "devices?type=body_camera", [camera]);
    await expectFilter(caller, `devices?assigned_user_id=${tenant.member.id}`, [camera]);
    await expectFilter(caller, "devices?serial=D1", [dock]);
  });

  it("users: active, q, role (by ID or name)", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const zoe = await createItem(caller, "users", {
      name: "Zoe Quill",
      email: "zoe@example.test",
      role_id: tenant.memberRole.id,
    });
    await callApi(caller, "DELETE", `users/${zoe.id}`);
    await expectFilter(caller, "users?active=false", [zoe]);
    await expectFilter(caller, "users?active=true", [tenant.admin, tenant.member]);
    await expectFilter(caller, "users?q=QUILL", [zoe]);
    await expectFilter(caller, "users?q=zoe@", [zoe]);
    await expectFilter(caller, `users?role=${tenant.adminRole.id}`, [tenant.admin]);
    await expectFilter(caller, "users?role=Investigator", [tenant.member, zoe]);
  });

  it("groups, categories: q; reports: kind and status", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const night = await createItem(caller, "groups", { name: "Night shift" });
    await createItem(caller, "groups", { name: "Detectives" });
    await expectFilter(caller, "groups?q=night", [night]);
    const traffic = await createItem(caller, "categories", { name: "Traffic stop" });
    await createItem(caller, "categories", { name: "Interview" });
    await expectFilter(caller, "categories?q=TRAFFIC", [traffic]);
    const devices = await createItem(caller, "reports", { kind: "device_status" });
    const summary = await createItem(caller, "reports", { kind: "case_summary" });
    await expectFilter(caller, "reports?kind=case_summary", [summary]);
    await expectFilter(caller, "reports?status=completed", [devices, summary]);
    await expectFilter(caller, "reports?status=pending", []);
  });

  it.each([
    "users?active=yes",
    "users?q=",
    "devices?type=drone",
    "devices?assigned_user_id=42",
    "evidence?case_id=abc",
    "evidence?captured_after=2026",
    "reports?kind=weekly",
    `categories?q=${"x".repeat(201)}`,
    "groups?name=x",
  ])("GET %s is 422", async (query) => {
    const result = await callApi(callerFor(crypto.randomUUID()), "GET", query);
    expect(result.status).toBe(422);
    expect(result.body.errors).toHaveLength(1);
  });
});
