import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { insertAuditEvents } from "@/lib/testing/audit-log-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import type { AuditLogFilters } from "./audit-log-filters";
import { readAuditLogPage } from "./audit-log-page";
import { auditLogParamsSchema, toAuditLogQuery } from "./audit-log-params";
import { countAuditLog } from "./count-audit-log";

/** The same five events, for the organization under test, another one and none. */
function fixture() {
  return [
    {
      actorType: "user",
      actorLabel: "alice@example.test",
      action: "api_client.created",
      targetType: "api_client",
      targetId: "lkc_alpha",
      ip: "192.0.2.10",
      createdAt: new Date("2026-03-02T09:00:00.000Z"),
    },
    {
      actorType: "client",
      actorLabel: "client Billing",
      action: "access_token.issued",
      targetType: "access_token",
      targetId: "jti-4f1c",
      ip: "198.51.100.7",
      createdAt: new Date("2026-03-01T23:59:59.999Z"),
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
      createdAt: new Date("2026-03-01T00:00:00.000Z"),
    },
    {
      actorType: "system",
      actorLabel: "Latchkey",
      action: "api_client.old_secret_expired",
      targetType: "api_client",
      targetId: "lkc_alpha",
      createdAt: new Date("2026-02-28T23:59:59.999Z"),
    },
    {
      actorType: "personal_token",
      actorLabel: "bob@example.test",
      action: "case.updated",
      targetType: "case",
      targetId: "7d3f5c1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f",
      ip: "192.0.2.77",
      outcome: "failure",
      createdAt: new Date("2026-02-20T12:00:00.000Z"),
    },
  ] as const;
}

async function setUp() {
  const tenant = await createTestOrganization();
  const other = await createTestOrganization();
  const events = await insertAuditEvents(tenant.organization.id, fixture());
  // The same events elsewhere match every filter too, and must never show.
  await insertAuditEvents(other.organization.id, fixture());
  await insertAuditEvents(null, fixture());
  const [alice, billing, refused, expired, bob] = events.map((event) => event.id);
  const ids = { alice, billing, refused, expired, bob };
  const list = async (filters: AuditLogFilters) => {
    const db = await getDb();
    const page = await readAuditLogPage(db, tenant.organization.id, filters, { order: "desc", limit: 100 });
    const count = await countAuditLog(db, tenant.organization.id, filters);
    expect(count).toEqual({ count: page.events.length, capped: false });
    return page.events.map((event) => event.id);
  };
  return { ids, list };
}

describe("audit log filters", () => {
  it("lists the organization's events newest first, and no other organization's nor those of none", async () => {
    const { ids, list } = await setUp();
    expect(await list({})).toEqual([ids.alice, ids.billing, ids.refused, ids.expired, ids.bob]);
  });

  it("narrows by each filter on its own", async () => {
    const { ids, list } = await setUp();
    const cases: Array<[AuditLogFilters, Array<keyof typeof ids>]> = [
      [{ actorType: "client" }, ["billing"]],
      [{ actorType: "system" }, ["expired"]],
      [{ actor: "ALICE@exa" }, ["alice"]],
      [{ actor: "example.test" }, ["alice", "bob"]],
      [{ category: "data" }, ["bob"]],
      [{ category: "security" }, ["billing", "refused", "expired"]],
      [{ action: "api_client.created" }, ["alice"]],
      [{ targetType: "api_client" }, ["alice", "refused", "expired"]],
      [{ targetId: "lkc_alpha" }, ["alice", "expired"]],
      [{ outcome: "denied" }, ["refused"]],
      [{ outcome: "failure" }, ["bob"]],
      [{ outcome: "success" }, ["alice", "billing", "expired"]],
      // Whole UTC days, both ends included.
      [{ from: "2026-03-01", to: "2026-03-01" }, ["billing", "refused"]],
      [{ from: "2026-03-01" }, ["alice", "billing", "refused"]],
      [{ to: "2026-02-28" }, ["expired", "bob"]],
      [{ from: "2026-03-03" }, []],
    ];
    for (const [filters, expected] of cases) {
      expect(await list(filters), JSON.stringify(filters)).toEqual(expected.map((name) => ids[name]));
    }
  });

  it("searches action and reason labels, the actor, the target ID and the address", async () => {
    const { ids, list } = await setUp();
    const cases: Array<[string, Array<keyof typeof ids>]> = [
      ["client created", ["alice"]], // the action's label
      ["api_client.created", ["alice"]], // its key
      ["Wrong secret", ["refused"]], // the reason's label
      ["Billing", ["billing"]], // the actor's label
      ["lkc_alp", ["alice", "expired"]], // the target ID
      ["198.51.100", ["billing"]], // the address
      ["192.0.2", ["alice", "bob"]],
      ["Old client secret", ["expired"]],
      ["nothing like it", []],
      ["50%_", []], // LIKE's wildcards are characters like any other
    ];
    for (const [q, expected] of cases) {
      expect(await list({ q }), q).toEqual(expected.map((name) => ids[name]));
    }
  });

  it("combines filters: every one must hold", async () => {
    const { ids, list } = await setUp();
    expect(await list({ targetType: "api_client", outcome: "success" })).toEqual([ids.alice, ids.expired]);
    expect(await list({ targetId: "lkc_alpha", actorType: "system" })).toEqual([ids.expired]);
    expect(await list({ q: "192.0.2", category: "data", outcome: "failure" })).toEqual([ids.bob]);
    expect(await list({ category: "security", from: "2026-03-01", q: "refused" })).toEqual([ids.refused]);
    expect(await list({ action: "case.updated", actorType: "user" })).toEqual([]);
    expect(
      await list({
        actorType: "user",
        actor: "alice",
        category: "administration",
        action: "api_client.created",
        targetType: "api_client",
        targetId: "lkc_alpha",
        outcome: "success",
        from: "2026-03-02",
        to: "2026-03-02",
        q: "lkc_",
      }),
    ).toEqual([ids.alice]);
  });
});

describe("the audit log's URL", () => {
  it("reads the filters, falling back to defaults for anything odd", () => {
    const params = auditLogParamsSchema.parse({
      q: "  refused ",
      actorType: "client",
      action: "api_client.created",
      category: "nonsense",
      targetType: "api_client",
      targetId: "lkc_alpha",
      outcome: "maybe",
      from: "2026-03-01",
      to: "yesterday",
      dir: "sideways",
      pageSize: "7",
    });
    expect(toAuditLogQuery(params)).toEqual({
      filters: {
        actorType: "client",
        actor: undefined,
        category: undefined,
        action: "api_client.created",
        targetType: "api_client",
        targetId: "lkc_alpha",
        outcome: undefined,
        from: "2026-03-01",
        to: undefined,
        q: "refused",
      },
      order: "desc",
      tooShort: [],
    });
    expect(params.pageSize).toBe(50);
  });

  it("leaves out, and says so, a search or actor text shorter than three characters", () => {
    const query = toAuditLogQuery(auditLogParamsSchema.parse({ q: "ab", actor: "al" }));
    expect(query.filters.q).toBeUndefined();
    expect(query.filters.actor).toBeUndefined();
    expect(query.tooShort).toEqual(["q", "actor"]);
  });
});
