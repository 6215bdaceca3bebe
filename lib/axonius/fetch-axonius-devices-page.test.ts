import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { fakeAxonId } from "@/lib/axonius/fake/fake-devices";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import { startLoopbackServer } from "@/lib/testing/outbound-test-support";
import { AxoniusError } from "./axonius-error";
import { type AxoniusDevice, fetchAxoniusDevicesPage } from "./fetch-axonius-devices-page";

const FIELDS = ["specific_data.data.hostname", "specific_data.data.device_serial"];
let fake: FakeAxonius;
let client: OutboundClient;

beforeAll(async () => {
  fake = await startFakeAxonius({ deviceCount: 45 });
  client = createOutboundClient({ allowHosts: parseAllowHosts(fake.hostPort) });
});

afterEach(() => {
  fake.setFaults([]);
  fake.setDeviceCount(45);
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

const credentials = () => ({ hostUrl: fake.url, apiKey: fake.apiKey, apiSecret: fake.apiSecret });

async function failure(promise: Promise<unknown>): Promise<AxoniusError> {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AxoniusError);
  return error as AxoniusError;
}

async function readAll(limit: number): Promise<{ devices: AxoniusDevice[]; pages: number }> {
  const devices: AxoniusDevice[] = [];
  let cursor: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchAxoniusDevicesPage(credentials(), { cursor, limit, fields: FIELDS }, { client });
    if (page.last) return { devices, pages };
    expect(page.totalResources).toBe(45);
    devices.push(...page.devices);
    cursor = page.cursor;
  }
}

describe("fetchAxoniusDevicesPage against the fake Axonius", () => {
  it("pages through every device with the cursor until the empty page", async () => {
    const { devices, pages } = await readAll(20);
    expect(pages).toBe(4); // 20 + 20 + 5, then the empty page
    expect(devices).toHaveLength(45);
    expect(new Set(devices.map((device) => device.internalAxonId)).size).toBe(45);
    expect(devices[0]).toEqual({
      internalAxonId: fakeAxonId(0),
      attributes: {
        internal_axon_id: fakeAxonId(0),
        "specific_data.data.hostname": ["host-00001-old.corp.example", "host-00001.corp.example"],
        "specific_data.data.device_serial": "SN0000001",
      },
    });
    // Values come as Axonius sends them: a list, a scalar or absent.
    expect(devices[3]?.attributes["specific_data.data.device_serial"]).toEqual(["SN0000004"]);
    expect(devices[10]?.attributes).not.toHaveProperty("specific_data.data.device_serial");
    expect(devices[16]?.attributes).not.toHaveProperty("specific_data.data.hostname");
  });

  it("sends the JSON:API body DESIGN.md describes", async () => {
    let received: unknown;
    const remote = await startLoopbackServer((request, response) => {
      let text = "";
      request.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on("end", () => {
        received = { body: JSON.parse(text), type: request.headers["content-type"], path: request.url };
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ data: [], meta: { cursor: "c2" } }));
      });
    });
    const direct = createOutboundClient({ allowHosts: parseAllowHosts(remote.hostPort) });
    try {
      const page = await fetchAxoniusDevicesPage(
        { hostUrl: `http://${remote.hostPort}`, apiKey: "k", apiSecret: "s" },
        { cursor: "c1", limit: 2000, fields: FIELDS, filter: '("specific_data.data.hostname" == "a")' },
        { client: direct },
      );
      expect(page).toEqual({ devices: [], cursor: "c2", totalResources: null, last: true });
      expect(received).toEqual({
        path: "/api/devices",
        type: "application/json",
        body: {
          data: {
            type: "entity_request_schema",
            attributes: {
              use_cursor: true,
              cursor_id: "c1",
              page: { limit: 2000 },
              fields: { devices: FIELDS },
              filter: '("specific_data.data.hostname" == "a")',
            },
          },
        },
      });
    } finally {
      await direct.close();
      await remote.close();
    }
  });

  it("treats 202 as not ready (retryable), and the retry gets the same page", async () => {
    const first = await fetchAxoniusDevicesPage(credentials(), { limit: 10, fields: FIELDS }, { client });
    fake.setFaults(["devices:202*1"]);
    const error = await failure(
      fetchAxoniusDevicesPage(credentials(), { cursor: first.cursor, limit: 10, fields: FIELDS }, { client }),
    );
    expect(error).toMatchObject({ kind: "not_ready", retryable: true, details: { status: 202 } });
    const second = await fetchAxoniusDevicesPage(
      credentials(),
      { cursor: first.cursor, limit: 10, fields: FIELDS },
      { client },
    );
    expect(second.devices[0]?.internalAxonId).toBe(fakeAxonId(10));
  });

  it("reports 429 with Retry-After as retryable, 401 and 403 as not", async () => {
    fake.setFaults(["devices:429=3*1"]);
    expect(
      await failure(fetchAxoniusDevicesPage(credentials(), { limit: 5, fields: FIELDS }, { client })),
    ).toMatchObject({
      kind: "rate_limited",
      retryable: true,
      details: { status: 429, retryAfterSeconds: 3 },
    });
    fake.setFaults(["devices:403"]);
    expect(
      await failure(fetchAxoniusDevicesPage(credentials(), { limit: 5, fields: FIELDS }, { client })),
    ).toMatchObject({
      kind: "missing_permission",
      retryable: false,
    });
    expect(
      await failure(
        fetchAxoniusDevicesPage(
          { ...credentials(), apiSecret: "nope" },
          { limit: 5, fields: FIELDS },
          { client },
        ),
      ),
    ).toMatchObject({ kind: "bad_credentials", retryable: false });
  });

  it("fails from the page the fault starts at (500 after two pages)", async () => {
    fake.setFaults(["devices:500@2"]);
    const one = await fetchAxoniusDevicesPage(credentials(), { limit: 10, fields: FIELDS }, { client });
    await fetchAxoniusDevicesPage(
      credentials(),
      { cursor: one.cursor, limit: 10, fields: FIELDS },
      { client },
    );
    expect(
      await failure(
        fetchAxoniusDevicesPage(credentials(), { cursor: one.cursor, limit: 10, fields: FIELDS }, { client }),
      ),
    ).toMatchObject({
      kind: "server_error",
      retryable: true,
      message: "Axonius answered with a server error (500)",
    });
  });

  it("refuses an answer that is not a devices page", async () => {
    fake.setFaults(["devices:wrong-shape"]);
    expect(
      await failure(fetchAxoniusDevicesPage(credentials(), { limit: 5, fields: FIELDS }, { client })),
    ).toMatchObject({
      kind: "not_axonius",
      message: "Axonius answered a devices page that is not a list of devices",
    });
  });

  it("refuses a page size outside 1–2000 without calling", async () => {
    const before = fake.requests.length;
    await expect(
      fetchAxoniusDevicesPage(credentials(), { limit: 2001, fields: FIELDS }, { client }),
    ).rejects.toThrow("A devices page holds 1 to 2000 devices, not 2001");
    expect(fake.requests).toHaveLength(before);
  });
});
