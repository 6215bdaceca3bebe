import { describe, expect, it } from "vitest";
import {
  auditEventsOf,
  callApi,
  callerFor,
  createApiTestTenant,
  createBodies,
  WRITABLE_RESOURCE_KEYS,
  type WritableResourceKey,
} from "@/lib/testing/api-test-support";
import { RESOURCE_DEFINITIONS } from "./resources";

/** Per resource: a change to PATCH and the field that shows it ("-" where there is no PATCH). */
const UPDATES: Record<WritableResourceKey, Record<string, unknown> | null> = {
  users: { name: "Dana Renamed" },
  groups: { description: "Day shift" },
  cases: { status: "in_review", title: "Renamed case" },
  evidence: { title: "Renamed photo.jpg", captured_at: "2026-03-02T11:00:00+02:00" },
  devices: { status: "maintenance" },
  reports: null,
  categories: { retention_days: null },
};

describe("resource APIs: create, get, list, update, delete", () => {
  it.each(WRITABLE_RESOURCE_KEYS)("%s", async (key) => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const definition = RESOURCE_DEFINITIONS[key];
    const tag = crypto.randomUUID().slice(0, 8);
    const body = createBodies(tag, { roleId: tenant.memberRole.id })[key];

    const created = await callApi(caller, "POST", key, { body });
    expect(created.status).toBe(201);
    expect(created.response.headers.get("location")).toBe(`/api/v1/${key}/${created.body.id}`);
    expect(definition.responseSchema.parse(created.body)).toEqual(created.body);
    expect(created.body).not.toHaveProperty("organization_id");
    const id: string = created.body.id;

    const fetched = await callApi(caller, "GET", `${key}/${id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);

    const listed = await callApi(caller, "GET", `${key}?limit=100`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((item: { id: string }) => item.id)).toContain(id);
    for (const item of listed.body.data) definition.responseSchema.parse(item);

    const update = UPDATES[key];
    if (update) {
      const updated = await callApi(caller, "PATCH", `${key}/${id}`, { body: update });
      expect(updated.status).toBe(200);
      const expected = { ...update } as Record<string, unknown>;
      if (typeof expected.captured_at === "string") expected.captured_at = "2026-03-02T09:00:00.000Z";
      expect(updated.body).toMatchObject(expected);
      expect(definition.responseSchema.parse(updated.body)).toEqual(updated.body);
      expect((await callApi(caller, "GET", `${key}/${id}`)).body).toEqual(updated.body);
    }

    const deleted = await callApi(caller, "DELETE", `${key}/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.response.text()).toBe("");
    const after = await callApi(caller, "GET", `${key}/${id}`);
    if (key === "users") expect(after.body.active).toBe(false);
    else expect(after.status).toBe(404);

    const events = await auditEventsOf(tenant.organizationId);
    const actions = events.map((event) => event.action);
    expect(actions).toContain(definition.actions?.created ?? `${definition.noun}.created`);
    expect(actions).toContain(definition.actions?.deleted ?? `${definition.noun}.deleted`);
    if (update) expect(actions).toContain(`${definition.noun}.updated`);
    for (const event of events) {
      expect(event).toMatchObject({
        actorType: "client",
        actorId: null,
        actorLabel: "test client",
        ip: "192.0.2.1",
        targetType: definition.noun,
        targetId: id,
      });
      expect(event.details).toMatchObject({ via: "api", client_id: "lkc_test", token_id: "t1" });
    }
  });

  it("PATCH with an empty object changes nothing and records nothing", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    const created = await callApi(caller, "POST", "cases", { body: { number: "E-1", title: "Quiet" } });
    const unchanged = await callApi(caller, "PATCH", `cases/${created.body.id}`, { body: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(created.body);
    expect((await auditEventsOf(tenant.organizationId)).map((event) => event.action)).toEqual([
      "case.created",
    ]);
  });

  it("a unique value already in use is 409 naming the field", async () => {
    const tenant = await createApiTestTenant();
    const caller = callerFor(tenant.organizationId);
    await callApi(caller, "POST", "cases", { body: { number: "DUP-1", title: "First" } });
    const duplicate = await callApi(caller, "POST", "cases", { body: { number: "DUP-1", title: "Second" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.response.headers.get("content-type")).toBe("application/problem+json");
    expect(duplicate.body.errors).toEqual([
      { pointer: "#/number", detail: "Another case already has this number" },
    ]);
  });

  it("records a personal token's user as the actor", async () => {
    const tenant = await createApiTestTenant();
    const caller = {
      ...callerFor(tenant.organizationId),
      credential: "personal_token" as const,
      clientId: null,
      userId: tenant.admin.id,
      label: tenant.admin.email,
    };
    const created = await callApi(caller, "POST", "categories", { body: { name: "Traffic" } });
    expect(created.status).toBe(201);
    const [event] = await auditEventsOf(tenant.organizationId);
    expect(event).toMatchObject({
      actorType: "personal_token",
      actorId: tenant.admin.id,
      actorLabel: tenant.admin.email,
    });
    expect(event?.details).toEqual({
      via: "api",
      credential: "personal_token",
      token_id: "t1",
      fields: ["name"],
    });
  });
});
