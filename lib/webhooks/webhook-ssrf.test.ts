import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { refusedDestination } from "@/lib/net/outbound/outbound-url";
import {
  createTestEndpoint,
  createWebhookTestTenant,
  deliverDueOf,
  deliveriesOfEndpoint,
  manualClock,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { emitWebhookEvent } from "./emit-webhook-event";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { EndpointUrlRefusedError } from "./webhook-errors";
import { listWebhookEndpoints } from "./webhook-queries";
import { ENDPOINT_URL_MUST_BE_HTTPS } from "./webhook-url";

const use = webhookReceivers();
afterEach(() => use.cleanup());

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => new Error("expected a refusal"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof EndpointUrlRefusedError)) throw error;
  return { field: error.field, message: error.message };
}

describe("server-side request forgery", () => {
  it("refuses to save an endpoint whose URL is, or resolves to, a private or local address", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { guard } = use.guard({
      "hooks.internal.example": ["10.0.0.7"],
      "hooks.example.com": ["93.184.216.34"],
    });
    const create = (url: string) =>
      createWebhookEndpoint(db, organizationId, actor, { url, eventTypes: ["client.disabled"] }, guard);

    expect(await refusal(create("https://hooks.internal.example/latchkey"))).toEqual({
      field: "url",
      message: "The host resolves to a private address (10.0.0.7), which Latchkey does not call",
    });
    expect(await refusal(create("https://127.0.0.1/hook"))).toEqual({
      field: "url",
      message: refusedDestination("127.0.0.1")?.message,
    });
    expect(await refusal(create("https://169.254.169.254/latest/meta-data"))).toEqual({
      field: "url",
      message: refusedDestination("169.254.169.254")?.message,
    });
    expect(await refusal(create("https://localhost/hook"))).toMatchObject({ field: "url" });
    await expect(create("http://hooks.example.com/latchkey")).rejects.toThrow(ENDPOINT_URL_MUST_BE_HTTPS);
    expect(await listWebhookEndpoints(db, organizationId)).toEqual([]);

    // A public host is saved; changing it to a private one is refused and changes nothing.
    const { endpoint } = await create("https://hooks.example.com/latchkey?source=lk");
    expect(endpoint.url).toBe("https://hooks.example.com/latchkey?source=lk");
    const change = updateWebhookEndpoint(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id, url: "https://hooks.internal.example/", eventTypes: ["client.disabled"] },
      guard,
    );
    expect(await refusal(change)).toMatchObject({
      field: "url",
      message: expect.stringContaining("10.0.0.7"),
    });
    expect((await listWebhookEndpoints(db, organizationId)).map((listed) => listed.url)).toEqual([
      "https://hooks.example.com/latchkey?source=lk",
    ]);
  });

  it("admits plain http only for a host:port LATCHKEY_OUTBOUND_ALLOW_HOSTS lists", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { guard } = use.guard({}, "localhost:3990");
    const create = (url: string) =>
      createWebhookEndpoint(db, organizationId, actor, { url, eventTypes: ["client.disabled"] }, guard);
    await expect(create("http://localhost:3990/hooks")).resolves.toMatchObject({
      endpoint: { url: "http://localhost:3990/hooks" },
    });
    await expect(create("http://localhost:3991/hooks")).rejects.toThrow(ENDPOINT_URL_MUST_BE_HTTPS);
  });

  it("refuses at delivery time a host that resolves to a private address by then, and sends it nothing", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const url = `https://hooks.rebind.example:${hook.server.port}/latchkey`;
    // Public when saved; loopback (where the receiver listens) when the delivery connects.
    const saving = use.guard({ "hooks.rebind.example": ["93.184.216.34"] });
    const { endpoint } = await createWebhookEndpoint(
      db,
      organizationId,
      actor,
      { url, eventTypes: ["data_flow.paused"] },
      saving.guard,
    );
    const delivering = use.guard({ "hooks.rebind.example": ["127.0.0.1"] });
    await emitWebhookEvent(db, organizationId, "data_flow.paused", {}, { now: clock.now() });
    await deliverDueOf(endpoint.id, { client: delivering.client, now: clock.now });

    const [delivery] = await deliveriesOfEndpoint(endpoint.id);
    expect(delivery).toMatchObject({
      status: "pending",
      attemptCount: 1,
      lastStatusCode: null,
      lastError: "The host resolves to a loopback address (127.0.0.1), which Latchkey does not call",
    });
    expect(hook.received).toEqual([]);
  });

  it("refuses at delivery time a private URL stored without the save-time check", async () => {
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    const db = await getDb();
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    // The process's allow-list does not name the receiver.
    const { client } = use.guard();
    await deliverDueOf(endpoint.id, { client, now: clock.now });
    const [delivery] = await deliveriesOfEndpoint(endpoint.id);
    expect(delivery?.lastError).toBe(refusedDestination("127.0.0.1")?.message);
    expect(hook.received).toEqual([]);
  });
});
