import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { cases } from "@/lib/db/schema";
import { type ApiResult, callApi, callerFor, createApiTestTenant } from "@/lib/testing/api-test-support";
import { encodeCursor } from "./cursor";

/** 23 cases whose opened_at values tie, and differ by single microseconds. */
async function seedCases(organizationId: string) {
  const db = await getDb();
  const stamps = ["2026-01-01 00:00:00+00", "2026-01-01 00:00:00.000001+00", "2026-01-01 00:00:00.000002+00"];
  const rows = Array.from({ length: 23 }, (_, index) => ({
    organizationId,
    number: `N-${String(index % 7).padStart(2, "0")}-${index}`,
    title: index % 2 === 0 ? `Burglary ${index}` : `Fraud ${index}`,
    status: (["open", "in_review", "closed"] as const)[index % 3],
    openedAt: sql`${stamps[index % 3]}::timestamptz`,
  }));
  await db.insert(cases).values(rows as never);
}

async function readAllPages(caller: ReturnType<typeof callerFor>, query: string) {
  const pages: ApiResult[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const page = await callApi(caller, "GET", `cases?${query}${suffix}`);
    expect(page.status).toBe(200);
    pages.push(page);
    cursor = page.body.next_cursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe("list pagination", () => {
  it.each(["opened_at", "-opened_at", "number", "-number"])(
    "returns every row exactly once, in order, sorted by %s",
    async (sort) => {
      const tenant = await createApiTestTenant();
      await seedCases(tenant.organizationId);
      const caller = callerFor(tenant.organizationId);
      const pages = await readAllPages(caller, `limit=4&sort=${sort}`);
      expect(pages).toHaveLength(6);
      expect(pages.map((page) => page.body.data.length)).toEqual([4, 4, 4, 4, 4, 3]);
      expect(pages.at(-1)?.body.next_cursor).toBeNull();
      const ids = pages.flatMap((page) => page.body.data.map((item: { id: string }) => item.id));
      expect(new Set(ids).size).toBe(23);
      const all = (await callApi(caller, "GET", `cases?limit=100&sort=${sort}`)).body.data;
      expect(ids).toEqual(all.map((item: { id: string }) => item.id));
      const field = sort.replace("-", "");
      const keys = all.map((item: Record<string, string>) => item[field]);
      const sorted = [...keys].sort();
      expect(keys).toEqual(sort.startsWith("-") ? sorted.reverse() : sorted);
    },
  );

  it("defaults to 25 items and filters before paging", async () => {
    const tenant = await createApiTestTenant();
    await seedCases(tenant.organizationId);
    const caller = callerFor(tenant.organizationId);
    const first = await callApi(caller, "GET", "cases");
    expect(first.body.data).toHaveLength(23);
    expect(first.body.next_cursor).toBeNull();
    const pages = await readAllPages(caller, "limit=2&status=open&q=burg");
    const isOpenBurglary = (item: { status: string; title: string }) =>
      item.status === "open" && item.title.startsWith("Burglary");
    const items = pages.flatMap((page) => page.body.data);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(isOpenBurglary)).toBe(true);
    expect(items).toHaveLength(first.body.data.filter(isOpenBurglary).length);
  });

  it("an empty organization has an empty first page", async () => {
    const tenant = await createApiTestTenant();
    const result = await callApi(callerFor(tenant.organizationId), "GET", "cases");
    expect(result.body).toEqual({ data: [], next_cursor: null });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=2.5", "limit"],
    ["sort=title", "sort"],
    ["status=archived", "status"],
    ["opened_after=yesterday", "opened_after"],
    ["opened_before=2026-01-01", "opened_before"],
    ["cursor=not-a-cursor!", "cursor"],
    ["cursor=eyJ4IjoxfQ", "cursor"],
    ["organization_id=x", "organization_id"],
    ["status=open&status=closed", "status"],
  ])("?%s is 422 naming %s", async (query, parameter) => {
    const result = await callApi(callerFor(crypto.randomUUID()), "GET", `cases?${query}`);
    expect(result.status).toBe(422);
    expect(result.response.headers.get("content-type")).toBe("application/problem+json");
    expect(result.body.errors.map((error: { parameter: string }) => error.parameter)).toContain(parameter);
  });

  it("refuses a cursor from another sort order or a tampered key", async () => {
    const tenant = await createApiTestTenant();
    await seedCases(tenant.organizationId);
    const caller = callerFor(tenant.organizationId);
    const page = await callApi(caller, "GET", "cases?limit=2&sort=number");
    const other = await callApi(
      caller,
      "GET",
      `cases?limit=2&sort=opened_at&cursor=${page.body.next_cursor}`,
    );
    expect(other.status).toBe(422);
    const tampered = encodeCursor({
      sort: "opened_at",
      key: "'; drop table cases; --",
      id: crypto.randomUUID(),
    });
    const result = await callApi(caller, "GET", `cases?sort=opened_at&cursor=${tampered}`);
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([{ parameter: "cursor", detail: "Not a cursor issued by this API" }]);
    expect(other.body.errors).toEqual([
      { parameter: "cursor", detail: "This cursor belongs to another sort order" },
    ]);
  });

  it.each([
    ["far before year 1", "-999999999999999999"],
    ["after year 9999", "999999999999999999"],
    ["just before year 1", "-62135596800000001"],
  ])("answers 422, not 500, for a forged timestamp key %s", async (_label, key) => {
    const caller = callerFor(crypto.randomUUID());
    const forged = encodeCursor({ sort: "opened_at", key, id: crypto.randomUUID() });
    const result = await callApi(caller, "GET", `cases?sort=opened_at&cursor=${forged}`);
    expect(result.status).toBe(422);
    expect(result.body.errors).toEqual([{ parameter: "cursor", detail: "Not a cursor issued by this API" }]);
  });

  it("still reads a page after a key at the very edge of the range", async () => {
    const caller = callerFor(crypto.randomUUID());
    const edge = encodeCursor({ sort: "opened_at", key: "-62135596800000000", id: crypto.randomUUID() });
    const result = await callApi(caller, "GET", `cases?sort=opened_at&cursor=${edge}`);
    expect(result.status).toBe(200);
  });
});
