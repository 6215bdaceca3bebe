import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "./fake-axonius-server";
import { parseFaultRule } from "./fake-faults";

let fake: FakeAxonius;

beforeAll(async () => {
  fake = await startFakeAxonius({ apiKey: "k", apiSecret: "s", deviceCount: 3 });
});

afterAll(() => fake.close());

const auth = { "api-key": "k", "api-secret": "s" };

function devices(
  attributes: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return fetch(`${fake.url}/api/devices`, {
    method: "POST",
    headers: { ...auth, ...headers },
    body: JSON.stringify({ data: { type: "entity_request_schema", attributes } }),
  });
}

describe("the fake Axonius", () => {
  it("listens on loopback only", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers 401 without both credentials", async () => {
    const response = await fetch(`${fake.url}/api/settings/meta/about`, { headers: { "api-key": "k" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ status: "401", title: "Unauthorized", detail: "Invalid API key or secret" }],
    });
  });

  it.each([
    [{ use_cursor: true, page: { limit: 2001 } }, "page.limit must be a whole number from 1 to 2000"],
    [{ use_cursor: true, page: {} }, "page.limit must be a whole number from 1 to 2000"],
    [{ use_cursor: false, page: { limit: 5 } }, "use_cursor must be true"],
    [{ use_cursor: true, page: { limit: 5 }, cursor_id: "forged" }, "Unknown or expired cursor_id"],
    [
      { use_cursor: true, page: { limit: 5 }, fields: { devices: "x" } },
      "fields.devices must be a list of field names",
    ],
  ])("refuses the devices request %j with 400", async (attributes, detail) => {
    const response = await devices(attributes);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ status: "400", title: "Bad Request", detail }] });
  });

  it("refuses a devices request that is not JSON with 415", async () => {
    const response = await devices(
      { use_cursor: true, page: { limit: 5 } },
      { "content-type": "text/plain" },
    );
    expect(response.status).toBe(415);
  });

  it("ends the paging with an empty page and forgets the cursor", async () => {
    const first = await (await devices({ use_cursor: true, page: { limit: 5 } })).json();
    expect(first.data).toHaveLength(3);
    expect(first.meta.page.totalResources).toBe(3);
    const cursor_id = first.meta.cursor;
    const last = await (await devices({ use_cursor: true, cursor_id, page: { limit: 5 } })).json();
    expect(last.data).toEqual([]);
    expect((await devices({ use_cursor: true, cursor_id, page: { limit: 5 } })).status).toBe(400);
  });

  it("records each paging it starts, with its filter, and not the pages that follow", async () => {
    const before = fake.pagings.length;
    const filter = '("specific_data.data.hostname" == "a")';
    const first = await (await devices({ use_cursor: true, page: { limit: 2 }, filter })).json();
    await devices({ use_cursor: true, cursor_id: first.meta.cursor, page: { limit: 2 }, filter });
    await devices({ use_cursor: true, page: { limit: 2 } });
    expect(fake.pagings.slice(before)).toEqual([
      { cursorId: first.meta.cursor, filter },
      { cursorId: expect.any(String), filter: null },
    ]);
  });

  it("changes faults and device count while running, through its control endpoints", async () => {
    const put = (path: string, body: unknown) =>
      fetch(`${fake.url}${path}`, { method: "PUT", body: JSON.stringify(body) });
    expect((await put("/__fake/faults", { faults: ["about:503*1"] })).status).toBe(200);
    expect((await fetch(`${fake.url}/api/settings/meta/about`, { headers: auth })).status).toBe(503);
    expect((await fetch(`${fake.url}/api/settings/meta/about`, { headers: auth })).status).toBe(200);
    expect((await put("/__fake/faults", { faults: ["nonsense"] })).status).toBe(400);
    expect((await put("/__fake/devices", { count: 1 })).status).toBe(200);
    const page = await (await devices({ use_cursor: true, page: { limit: 5 } })).json();
    expect(page.data).toHaveLength(1);
    await put("/__fake/devices", { count: 3 });
    const log = await (await fetch(`${fake.url}/__fake/requests`)).text();
    expect(log).toContain('"path":"/api/settings/meta/about","status":503');
    expect(log).not.toContain('"s"');
  });
});

describe("fault rules", () => {
  it.each([
    ["devices:429", { endpoint: "devices", fault: { kind: "rate_limited", retryAfterSeconds: 1 } }],
    [
      "devices:429=2*1",
      { endpoint: "devices", fault: { kind: "rate_limited", retryAfterSeconds: 2 }, times: 1 },
    ],
    ["devices:500@2", { endpoint: "devices", fault: { kind: "status", status: 500 }, after: 2 }],
    ["about:slow=20000", { endpoint: "about", fault: { kind: "slow", delayMs: 20000 } }],
    ["any:not-json*3@1", { endpoint: "any", fault: { kind: "not_json" }, times: 3, after: 1 }],
  ])("reads %s", (text, rule) => {
    expect(parseFaultRule(text)).toEqual(rule);
  });

  it.each(["devices", "devices:418", "users:401", "about:slow", "about:html=3"])("refuses %s", (text) => {
    expect(() => parseFaultRule(text)).toThrow(`Fault "${text}" is not`);
  });
});
