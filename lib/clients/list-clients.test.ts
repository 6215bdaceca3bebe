import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClients } from "@/lib/db/schema";
import { createClientTestTenant } from "@/lib/testing/client-test-support";
import { generateClientId } from "./client-id";
import { clientNameKey } from "./client-record";
import { createClient } from "./create-client";
import { listClients } from "./list-clients";
import { setClientStatus } from "./set-client-status";

async function tenantWithClients(names: string[]) {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const clients = [];
  for (const name of names)
    clients.push((await createClient(db, tenant.organizationId, tenant.actor, { name })).client);
  return { db, ...tenant, clients };
}

describe("listClients", () => {
  it("sorts by name regardless of case, and pages with a total", async () => {
    const { db, organizationId } = await tenantWithClients(["bravo", "Alpha", "charlie", "Delta", "echo"]);
    const first = await listClients(db, organizationId, { limit: 2 });
    expect(first.clients.map((c) => c.name)).toEqual(["Alpha", "bravo"]);
    expect(first.total).toBe(5);
    const last = await listClients(db, organizationId, { limit: 2, offset: 4 });
    expect(last.clients.map((c) => c.name)).toEqual(["echo"]);
    const descending = await listClients(db, organizationId, { direction: "desc", limit: 2 });
    expect(descending.clients.map((c) => c.name)).toEqual(["echo", "Delta"]);
  });

  it("searches names and client IDs, case-insensitively, with wildcards taken literally", async () => {
    const { db, organizationId, clients } = await tenantWithClients([
      "Payroll export",
      "Payroll_import",
      "50% sampler",
    ]);
    const byName = async (search: string) =>
      (await listClients(db, organizationId, { search })).clients.map((c) => c.name).sort();
    expect(await byName("PAYROLL")).toEqual(["Payroll export", "Payroll_import"]);
    expect(await byName("l_i")).toEqual(["Payroll_import"]);
    expect(await byName("50%")).toEqual(["50% sampler"]);
    expect(await byName("%")).toEqual(["50% sampler"]);
    expect(await byName(clients[0]?.clientId.toLowerCase() ?? "")).toEqual(["Payroll export"]);
    expect((await listClients(db, organizationId, { search: "nothing like it" })).total).toBe(0);
  });

  it("filters by status", async () => {
    const { db, organizationId, actor, clients } = await tenantWithClients(["One", "Two", "Three"]);
    await setClientStatus(db, organizationId, actor, {
      clientId: clients[1]?.clientId ?? "",
      status: "disabled",
    });
    const disabled = await listClients(db, organizationId, { status: "disabled" });
    expect(disabled.clients.map((c) => c.name)).toEqual(["Two"]);
    expect(disabled.total).toBe(1);
    expect((await listClients(db, organizationId, { status: "active" })).total).toBe(2);
  });

  it("falls back to defaults for nonsense query parameters", async () => {
    const { db, organizationId } = await tenantWithClients(["Only"]);
    const page = await listClients(db, organizationId, {
      sort: "password" as never,
      limit: "9999" as never,
      offset: "-3" as never,
      status: "weird" as never,
    });
    expect(page).toMatchObject({ total: 1, limit: 25, offset: 0 });
  });

  it("stays fast with 10,000 clients", async () => {
    const db = await getDb();
    const { organizationId } = await createClientTestTenant();
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const name = `Client ${String(i).padStart(5, "0")} ${i % 7 === 0 ? "Payroll" : "Sync"}`;
      return {
        organizationId,
        clientId: generateClientId(),
        name,
        nameKey: clientNameKey(name),
        status: i % 10 === 0 ? ("disabled" as const) : ("active" as const),
        permissions: ["cases:read" as const],
        createdAt: new Date(base + i * 60_000),
        lastUsedAt: i % 3 === 0 ? null : new Date(base + i * 30_000),
      };
    });
    for (let start = 0; start < rows.length; start += 1000) {
      await db.insert(apiClients).values(rows.slice(start, start + 1000));
    }
    const timings: Record<string, number> = {};
    const time = async (label: string, query: Parameters<typeof listClients>[2]) => {
      await listClients(db, organizationId, query); // warm the plan cache
      const started = performance.now();
      const page = await listClients(db, organizationId, query);
      timings[label] = Math.round((performance.now() - started) * 10) / 10;
      return page;
    };
    expect((await time("first page by name", { limit: 25 })).total).toBe(10_000);
    expect((await time("last page by name", { limit: 25, offset: 9_975 })).clients).toHaveLength(25);
    expect(
      (await time("newest first", { sort: "createdAt", direction: "desc", limit: 100 })).clients[0]?.name,
    ).toBe("Client 09999 Sync");
    await time("last used", { sort: "lastUsedAt", direction: "desc", limit: 25 });
    expect((await time("search", { search: "payroll", limit: 25 })).total).toBe(1429);
    expect((await time("disabled only", { status: "disabled", limit: 25 })).total).toBe(1000);
    console.info(`listClients with 10,000 clients (ms): ${JSON.stringify(timings)}`);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(500);
  });
});
