import { describe, expect, it } from "vitest";
import { ALL_SCOPES } from "@/lib/permissions/catalogue";
import { callApi, callerFor, createApiTestTenant } from "@/lib/testing/api-test-support";
import { insertAuditEvents } from "@/lib/testing/audit-log-test-support";
import { RESOURCE_DEFINITIONS } from "./index";

async function setUp() {
  const tenant = await createApiTestTenant();
  const other = await createApiTestTenant();
  const fixture = [
    {
      actorType: "user",
      actorLabel: "alice@example.test",
      action: "api_client.created",
      targetType: "api_client",
      targetId: "lkc_alpha",
      ip: "192.0.2.10",
      details: { name: "Alpha", permissions: ["cases:read"] },
      createdAt: new Date("2026-03-02T09:00:00.000Z"),
    },
    {
      actorType: "anonymous",
      actorLabel: "anonymous",
      action: "api_client.authentication_refused",
      targetType: "api_client",
      targetId: "lkc_unknown",
      ip: "203.0.113.9",
      outcome: "denied",
      reason: "wrong_secret",
      createdAt: new Date("2026-03-01T12:00:00.000Z"),
    },
    {
      actorType: "client",
      actorLabel: "client Billing",
      action: "case.updated",
      targetType: "case",
      targetId: "case-1",
      ip: "198.51.100.7",
      outcome: "failure",
      createdAt: new Date("2026-02-27T12:00:00.000Z"),
    },
  ] as const;
  const events = await insertAuditEvents(tenant.organizationId, fixture);
  const [foreign] = await insertAuditEvents(other.organizationId, fixture);
  const [orphan] = await insertAuditEvents(null, fixture);
  return { tenant, events, foreignId: foreign?.id ?? "", orphanId: orphan?.id ?? "" };
}

describe("GET /api/v1/audit-events", () => {
  it("lists the caller's organization's events, newest first, and never another's or those of none", async () => {
    const { tenant, events, foreignId, orphanId } = await setUp();
    const caller = callerFor(tenant.organizationId);
    const listed = await callApi(caller, "GET", "audit-events");
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((item: { id: string }) => item.id)).toEqual(events.map((event) => event.id));
    expect(listed.body.next_cursor).toBeNull();
    const [first] = listed.body.data;
    expect(RESOURCE_DEFINITIONS.audit_events.responseSchema.parse(first)).toEqual(first);
    expect(first).toEqual({
      id: events[0]?.id,
      actor_type: "user",
      actor_id: null,
      actor_label: "alice@example.test",
      action: "api_client.created",
      target_type: "api_client",
      target_id: "lkc_alpha",
      ip: "192.0.2.10",
      user_agent: null,
      outcome: "success",
      reason: null,
      details: { name: "Alpha", permissions: ["cases:read"] },
      created_at: "2026-03-02T09:00:00.000Z",
    });

    const own = await callApi(caller, "GET", `audit-events/${events[1]?.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(listed.body.data[1]);
    for (const id of [foreignId, orphanId]) {
      const result = await callApi(caller, "GET", `audit-events/${id}`);
      expect(result.status).toBe(404);
      expect(result.body.detail).toBe("No audit event with this ID exists.");
    }
  });

  it("takes the console's filters under the API's names", async () => {
    const { tenant, events } = await setUp();
    const caller = callerFor(tenant.organizationId);
    const [created, refused, updated] = events.map((event) => event.id);
    const cases: Array<[string, Array<string | undefined>]> = [
      ["actor_type=anonymous", [refused]],
      ["actor=ALICE", [created]],
      ["category=data", [updated]],
      ["action=api_client.authentication_refused", [refused]],
      ["target_type=api_client", [created, refused]],
      ["target_type=api_client&target_id=lkc_alpha", [created]],
      ["outcome=failure", [updated]],
      ["from=2026-03-01&to=2026-03-01", [refused]],
      ["to=2026-02-28", [updated]],
      ["q=wrong%20secret", [refused]],
      ["q=198.51", [updated]],
      ["q=client&outcome=denied", [refused]],
    ];
    for (const [query, expected] of cases) {
      const result = await callApi(caller, "GET", `audit-events?${query}`);
      expect(result.status, query).toBe(200);
      expect(
        result.body.data.map((item: { id: string }) => item.id),
        query,
      ).toEqual(expected);
    }
  });

  it("pages by cursor, newest first or oldest first", async () => {
    const { tenant, events } = await setUp();
    const caller = callerFor(tenant.organizationId);
    for (const [sort, expected] of [
      ["-created_at", events.map((event) => event.id)],
      ["created_at", events.map((event) => event.id).reverse()],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor ? `&cursor=${cursor}` : "";
        const page = await callApi(caller, "GET", `audit-events?limit=2&sort=${sort}${suffix}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((item: { id: string }) => item.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it("refuses parameters it does not take, with the parameter named", async () => {
    const { tenant } = await setUp();
    const caller = callerFor(tenant.organizationId);
    const cases: Array<[string, string, string]> = [
      ["q=ab", "q", "Must be at least 3 characters"],
      ["actor=al", "actor", "Must be at least 3 characters"],
      ["from=yesterday", "from", "Must be a date: YYYY-MM-DD"],
      ["organization_id=x", "organization_id", "Unknown query parameter"],
    ];
    for (const [query, parameter, detail] of cases) {
      const result = await callApi(caller, "GET", `audit-events?${query}`);
      expect(result.status, query).toBe(422);
      expect(result.body.errors, query).toEqual([{ parameter, detail }]);
    }
    const action = await callApi(caller, "GET", "audit-events?action=made.up");
    expect(action.status).toBe(422);
    expect(action.body.errors[0]).toMatchObject({ parameter: "action" });
  });

  it("needs audit_events:read, and only reads", async () => {
    const { tenant } = await setUp();
    const without = callerFor(
      tenant.organizationId,
      ALL_SCOPES.filter((scope) => scope !== "audit_events:read"),
    );
    const refused = await callApi(without, "GET", "audit-events");
    expect(refused.status).toBe(403);
    expect(refused.response.headers.get("www-authenticate")).toBe(
      'Bearer error="insufficient_scope", scope="audit_events:read"',
    );
    const onlyAudit = callerFor(tenant.organizationId, ["audit_events:read"]);
    expect((await callApi(onlyAudit, "GET", "audit-events")).status).toBe(200);
    expect((await callApi(onlyAudit, "GET", "cases")).status).toBe(403);
    const post = await callApi(onlyAudit, "POST", "audit-events", { body: {} });
    expect(post.status).toBe(405);
    expect(post.response.headers.get("allow")).toBe("GET, HEAD");
  });
});
