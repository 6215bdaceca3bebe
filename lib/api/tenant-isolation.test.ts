import { describe, expect, it } from "vitest";
import { supportsOperation } from "@/lib/permissions/catalogue";
import {
  auditEventsOf,
  callApi,
  callerFor,
  countRows,
  createApiTestTenant,
  createBodies,
  WRITABLE_RESOURCE_KEYS,
} from "@/lib/testing/api-test-support";

const PATCHES = {
  users: { name: "Taken Over" },
  groups: { name: "Taken over" },
  cases: { title: "Taken over" },
  evidence: { title: "Taken over" },
  devices: { status: "retired" },
  reports: {},
  categories: { name: "Taken over" },
} as const;

describe("organization isolation", () => {
  it.each(WRITABLE_RESOURCE_KEYS)(
    "%s: another organization's ID is 404 on every operation and nothing changes",
    async (key) => {
      const owner = await createApiTestTenant();
      const intruder = await createApiTestTenant();
      const ownerCaller = callerFor(owner.organizationId);
      const intruderCaller = callerFor(intruder.organizationId);
      const created = await callApi(ownerCaller, "POST", key, {
        body: createBodies("iso", { roleId: owner.memberRole.id })[key],
      });
      expect(created.status).toBe(201);
      const id: string = created.body.id;
      const unknown = await callApi(intruderCaller, "GET", `${key}/${crypto.randomUUID()}`);
      const rowsBefore = await countRows(key, owner.organizationId);

      const attempts: [string, string, unknown][] = [
        ["GET", `${key}/${id}`, undefined],
        ["DELETE", `${key}/${id}`, undefined],
      ];
      if (supportsOperation(key, "update")) attempts.push(["PATCH", `${key}/${id}`, PATCHES[key]]);
      if (supportsOperation(key, "download")) attempts.push(["GET", `${key}/${id}/content`, undefined]);
      for (const [method, target, body] of attempts) {
        const result = await callApi(intruderCaller, method, target, { body });
        expect(result.status, `${method} ${target}`).toBe(404);
        if (!target.endsWith("/content")) expect(result.body).toEqual(unknown.body);
      }

      if (key === "groups") {
        // A body that would itself be refused does not turn the 404 into a 422.
        const result = await callApi(intruderCaller, "PATCH", `${key}/${id}`, {
          body: { member_ids: [owner.admin.id] },
        });
        expect(result.body).toEqual(unknown.body);
      }

      const listed = await callApi(intruderCaller, "GET", `${key}?limit=100`);
      expect(listed.body.data.map((item: { id: string }) => item.id)).not.toContain(id);
      expect((await callApi(ownerCaller, "GET", `${key}/${id}`)).body).toEqual(created.body);
      expect(await countRows(key, owner.organizationId)).toBe(rowsBefore);
      expect(await auditEventsOf(intruder.organizationId)).toEqual([]);
    },
  );

  it.each([
    ["cases", "lead_user_id"],
    ["devices", "assigned_user_id"],
    ["evidence", "case_id"],
    ["evidence", "category_id"],
  ] as const)("%s: %s of another organization is 422 on create and update", async (key, field) => {
    const tenant = await createApiTestTenant();
    const other = await createApiTestTenant();
    const otherCaller = callerFor(other.organizationId);
    const foreign = {
      lead_user_id: other.admin.id,
      assigned_user_id: other.admin.id,
      case_id: (await callApi(otherCaller, "POST", "cases", { body: { number: "F-1", title: "Foreign" } }))
        .body.id,
      category_id: (await callApi(otherCaller, "POST", "categories", { body: { name: "Foreign" } })).body.id,
    }[field];
    const caller = callerFor(tenant.organizationId);
    const body = { ...createBodies("ref", { roleId: tenant.memberRole.id })[key], [field]: foreign };
    const expected = [{ pointer: `#/${field}`, detail: "No such item exists in your organization" }];

    const created = await callApi(caller, "POST", key, { body });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual(expected);
    expect(await countRows(key, tenant.organizationId)).toBe(0);

    const own = await callApi(caller, "POST", key, {
      body: createBodies("own", { roleId: tenant.memberRole.id })[key],
    });
    const updated = await callApi(caller, "PATCH", `${key}/${own.body.id}`, { body: { [field]: foreign } });
    expect(updated.status).toBe(422);
    expect(updated.body.errors).toEqual(expected);
    expect((await callApi(caller, "GET", `${key}/${own.body.id}`)).body).toEqual(own.body);
  });
});
