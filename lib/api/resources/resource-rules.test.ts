import { describe, expect, it } from "vitest";
import { callApi, callerFor, createApiTestTenant, createItem } from "@/lib/testing/api-test-support";

type Caller = ReturnType<typeof callerFor>;

async function evidenceIn(caller: Caller, refs: Record<string, string>) {
  return createItem(caller, "evidence", {
    title: "Item",
    content_type: "text/plain",
    content: Buffer.from("x").toString("base64"),
    captured_at: "2026-01-01T00:00:00Z",
    ...refs,
  });
}

describe("resource rules", () => {
  it("deleting a case keeps its evidence, which loses its case", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const kase = await createItem(caller, "cases", { number: "R-1", title: "Case" });
    const item = await evidenceIn(caller, { case_id: kase.id });
    expect((await callApi(caller, "DELETE", `cases/${kase.id}`)).status).toBe(204);
    expect((await callApi(caller, "DELETE", `cases/${kase.id}`)).status).toBe(404);
    const after = await callApi(caller, "GET", `evidence/${item.id}`);
    expect(after.body).toMatchObject({ id: item.id, case_id: null });
  });

  it("deleting a category keeps its evidence, which becomes uncategorized", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const category = await createItem(caller, "categories", { name: "Temp" });
    const item = await evidenceIn(caller, { category_id: category.id });
    expect((await callApi(caller, "DELETE", `categories/${category.id}`)).status).toBe(204);
    expect((await callApi(caller, "GET", `evidence/${item.id}`)).body.category_id).toBeNull();
  });

  it("closing a case stamps closed_at once; reopening clears it", async () => {
    const { organizationId } = await createApiTestTenant();
    const caller = callerFor(organizationId);
    const kase = await createItem(caller, "cases", { number: "R-2", title: "Case" });
    expect(kase.closed_at).toBeNull();
    const closed = (await callApi(caller, "PATCH", `cases/${kase.id}`, { body: { status: "closed" } })).body;
    expect(closed.closed_at).not.toBeNull();
    const again = (await callApi(caller, "PATCH", `cases/${kase.id}`, { body: { status: "closed" } })).body;
    expect(again.closed_at).toBe(closed.closed_at);
    const reopened = (await callApi(caller, "PATCH", `cases/${kase.id}`, { body: { status: "open" } })).body;
    expect(reopened.closed_at).toBeNull();
  });

  it("group members are set on create, replaced on update, and checked", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const group = await createItem(caller, "groups", { name: "Team", member_ids: [tenant.admin.id] });
    expect(group.member_ids).toEqual([tenant.admin.id]);
    const path = `groups/${group.id}`;
    const replaced = await callApi(caller, "PATCH", path, { body: { member_ids: [tenant.member.id] } });
    expect(replaced.body.member_ids).toEqual([tenant.member.id]);
    const renamed = await callApi(caller, "PATCH", path, { body: { name: "Team B" } });
    expect(renamed.body).toMatchObject({ name: "Team B", member_ids: [tenant.member.id] });
    const duplicated = await callApi(caller, "PATCH", path, {
      body: { member_ids: [tenant.admin.id, tenant.admin.id] },
    });
    expect(duplicated.status).toBe(422);
    expect(duplicated.body.errors).toEqual([
      { pointer: "#/member_ids", detail: "Each member may be listed once" },
    ]);
    const emptied = await callApi(caller, "PATCH", path, { body: { member_ids: [] } });
    expect(emptied.body.member_ids).toEqual([]);
    expect((await callApi(caller, "DELETE", path)).status).toBe(204);
    expect((await callApi(caller, "GET", `users/${tenant.member.id}`)).status).toBe(200);
  });

  it("nullable references can be cleared with null", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const device = await createItem(caller, "devices", {
      serial: "S-1",
      model: "Body 4",
      type: "body_camera",
      assigned_user_id: tenant.member.id,
    });
    const cleared = await callApi(caller, "PATCH", `devices/${device.id}`, {
      body: { assigned_user_id: null },
    });
    expect(cleared.body.assigned_user_id).toBeNull();
  });
});
