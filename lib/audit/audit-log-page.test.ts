import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  insertAuditEvents,
  insertBulkAuditEvents,
  type TestAuditEvent,
} from "@/lib/testing/audit-log-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import type { AuditLogFilters } from "./audit-log-filters";
import { type AuditLogPageRequest, readAuditLogPage } from "./audit-log-page";
import { AUDIT_COUNT_CAP, countAuditLog } from "./count-audit-log";
import type { AuditLogOrder } from "./read-audit-events";

const BASE = Date.parse("2026-05-01T12:00:00.000Z");

/** 37 events over 13 distinct times: ties that only the id orders, a microsecond apart, and the rest. */
function events(): TestAuditEvent[] {
  return Array.from({ length: 37 }, (_, index) => ({
    actorLabel: `tester ${index}`,
    createdAt: new Date(BASE - Math.floor(index / 3) * 1000),
  }));
}

async function walk(
  organizationId: string,
  order: AuditLogOrder,
  limit: number,
  filters: AuditLogFilters = {},
  between?: (pageNumber: number) => Promise<void>,
) {
  const db = await getDb();
  const seen: string[] = [];
  const request: AuditLogPageRequest = { order, limit };
  for (let pageNumber = 1; pageNumber < 100; pageNumber += 1) {
    const page = await readAuditLogPage(db, organizationId, filters, request);
    seen.push(...page.events.map((event) => event.id));
    await between?.(pageNumber);
    if (!page.next) return seen;
    request.after = page.next;
  }
  throw new Error("the walk did not end");
}

/** The ids in the audit log's own order: time, then id, each descending. */
function sortedIds(rows: Array<{ id: string; createdAt: Date }>, order: AuditLogOrder) {
  const sorted = [...rows].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
  );
  return (order === "desc" ? sorted : sorted.reverse()).map((row) => row.id);
}

describe("keyset paging of the audit log", () => {
  it.each(["desc", "asc"] as const)(
    "%s: page after page, every event once, in order, none skipped",
    async (order) => {
      const tenant = await createTestOrganization();
      const rows = await insertAuditEvents(tenant.organization.id, events());
      for (const limit of [1, 5, 12, 37, 50]) {
        expect(await walk(tenant.organization.id, order, limit), `pages of ${limit}`).toEqual(
          sortedIds(rows, order),
        );
      }
    },
  );

  it("goes back page by page to the same pages, and from the first to none before it", async () => {
    const tenant = await createTestOrganization();
    const rows = await insertAuditEvents(tenant.organization.id, events());
    const db = await getDb();
    const pages = [];
    let request: AuditLogPageRequest = { order: "desc", limit: 5 };
    for (;;) {
      const page = await readAuditLogPage(db, tenant.organization.id, {}, request);
      pages.push(page);
      if (!page.next) break;
      request = { order: "desc", limit: 5, after: page.next };
    }
    expect(pages).toHaveLength(8);
    expect(pages[0]?.previous).toBeNull();
    expect(pages.slice(1).every((page) => page.previous !== null)).toBe(true);
    for (let index = pages.length - 1; index > 0; index -= 1) {
      const back = await readAuditLogPage(
        db,
        tenant.organization.id,
        {},
        {
          order: "desc",
          limit: 5,
          before: pages[index]?.previous ?? "",
        },
      );
      expect(back.events.map((event) => event.id)).toEqual(pages[index - 1]?.events.map((event) => event.id));
    }
    expect(pages.flatMap((page) => page.events.map((event) => event.id))).toEqual(sortedIds(rows, "desc"));
  });

  it("stays whole while events are written: no event twice, none of those there at the start missing", async () => {
    const tenant = await createTestOrganization();
    const rows = await insertAuditEvents(tenant.organization.id, events());
    const newer: string[] = [];
    const late: string[] = [];
    const seen = await walk(tenant.organization.id, "desc", 4, {}, async (pageNumber) => {
      // Newer events arrive at the top, and a batch written late lands below the pages already read.
      const [top, bottom] = await insertAuditEvents(tenant.organization.id, [
        { actorLabel: `new ${pageNumber}`, createdAt: new Date(BASE + pageNumber * 1000) },
        // Each older than anything before it, so below wherever the walk is.
        { actorLabel: `late ${pageNumber}`, createdAt: new Date(BASE - 60_000 - pageNumber * 1000) },
      ]);
      newer.push(top?.id ?? "");
      late.push(bottom?.id ?? "");
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, rows.length)).toEqual(sortedIds(rows, "desc"));
    // Walking older, the walk never turns back for the newer ones, and reaches every late one
    // written before its last page (the last pair came after it).
    expect(seen.filter((id) => newer.includes(id))).toEqual([]);
    expect(seen.slice(rows.length)).toEqual(late.slice(0, -1));
  });

  it("pages filtered events by their own order", async () => {
    const tenant = await createTestOrganization();
    const rows = await insertAuditEvents(
      tenant.organization.id,
      events().map((event, index) => ({ ...event, outcome: index % 4 === 0 ? "denied" : "success" })),
    );
    const denied = rows.filter((row) => row.outcome === "denied");
    expect(await walk(tenant.organization.id, "desc", 3, { outcome: "denied" })).toEqual(
      sortedIds(denied, "desc"),
    );
  });

  it("answers a cursor it did not issue, or one of the other order, with the first page", async () => {
    const tenant = await createTestOrganization();
    await insertAuditEvents(tenant.organization.id, events());
    const db = await getDb();
    const first = await readAuditLogPage(db, tenant.organization.id, {}, { order: "desc", limit: 5 });
    for (const cursor of [
      "garbage",
      Buffer.from('["desc","99999999999999999999","x"]').toString("base64url"),
    ]) {
      const page = await readAuditLogPage(
        db,
        tenant.organization.id,
        {},
        { order: "desc", limit: 5, after: cursor },
      );
      expect(page).toEqual(first);
    }
    const ascending = await readAuditLogPage(
      db,
      tenant.organization.id,
      {},
      {
        order: "asc",
        limit: 5,
        after: first.next ?? "",
      },
    );
    expect(ascending).toEqual(
      await readAuditLogPage(db, tenant.organization.id, {}, { order: "asc", limit: 5 }),
    );
  });

  it("counts exactly up to the cap, and says 10,000+ past it", async () => {
    const tenant = await createTestOrganization();
    const db = await getDb();
    await insertBulkAuditEvents(tenant.organization.id, AUDIT_COUNT_CAP + 5);
    expect(await countAuditLog(db, tenant.organization.id, {})).toEqual({
      count: AUDIT_COUNT_CAP,
      capped: true,
    });
    expect(await countAuditLog(db, tenant.organization.id, { actor: "Bulk 3" })).toEqual({
      count: 1429,
      capped: false,
    });
  });
});
