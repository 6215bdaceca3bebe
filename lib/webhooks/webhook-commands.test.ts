import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dumpEveryTable } from "@/lib/testing/outbound-credential-test-support";
import {
  ADMIT_ANY_URL,
  createTestEndpoint,
  createWebhookTestTenant,
  deliverDueOf,
  deliveriesOfEndpoint,
  endpointAuditEvents,
  manualClock,
  readEndpoint,
  verifyStandardWebhook,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { emitWebhookEvent } from "./emit-webhook-event";
import { redeliverWebhookDelivery } from "./redeliver-webhook-delivery";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendTestWebhookEvent } from "./send-test-webhook-event";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { ENDPOINT_DISABLED_FOR_REDELIVERY } from "./webhook-errors";
import { listEndpointDeliveries, listWebhookEndpoints } from "./webhook-queries";
import { CHOOSE_AN_EVENT } from "./webhook-schemas";

const use = webhookReceivers();
afterEach(() => use.cleanup());

describe("webhook endpoint commands", () => {
  it("audits every change an administrator makes, and never a secret", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { endpoint, secret } = await createTestEndpoint(
      organizationId,
      actor,
      "https://hooks.example.com/a",
      ["token.expiring"],
    );
    await updateWebhookEndpoint(
      db,
      organizationId,
      actor,
      {
        endpointId: endpoint.id,
        url: "https://hooks.example.com/b",
        description: "Pager",
        eventTypes: ["client.disabled", "token.expiring"],
      },
      ADMIT_ANY_URL,
    );
    // A save that changes nothing records nothing.
    await updateWebhookEndpoint(
      db,
      organizationId,
      actor,
      {
        endpointId: endpoint.id,
        url: "https://hooks.example.com/b",
        description: "Pager",
        eventTypes: ["token.expiring", "client.disabled"],
      },
      ADMIT_ANY_URL,
    );
    await setWebhookEndpointEnabled(db, organizationId, actor, { endpointId: endpoint.id, enabled: false });
    await setWebhookEndpointEnabled(db, organizationId, actor, { endpointId: endpoint.id, enabled: false });
    await setWebhookEndpointEnabled(db, organizationId, actor, { endpointId: endpoint.id, enabled: true });
    const rotated = await rotateWebhookSecret(db, organizationId, actor, { endpointId: endpoint.id });
    const test = await sendTestWebhookEvent(db, organizationId, actor, { endpointId: endpoint.id });
    await redeliverWebhookDelivery(db, organizationId, actor, {
      endpointId: endpoint.id,
      deliveryId: test?.deliveryId ?? "",
    });

    const events = await endpointAuditEvents(organizationId, endpoint.id);
    expect(events.map((event) => event.action)).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.updated",
      "webhook_endpoint.disabled",
      "webhook_endpoint.enabled",
      "webhook_endpoint.secret_rotated",
      "webhook_endpoint.test_sent",
      "webhook_endpoint.redelivered",
    ]);
    expect(events.every((event) => event.actorLabel === actor.label && event.ip === actor.ip)).toBe(true);
    expect(events[1]?.details).toEqual({
      changes: {
        url: { from: "https://hooks.example.com/a", to: "https://hooks.example.com/b" },
        description: { from: "", to: "Pager" },
        // In the catalogue's order, whatever order they were ticked in.
        eventTypes: { from: ["token.expiring"], to: ["token.expiring", "client.disabled"] },
      },
    });

    await deleteWebhookEndpoint(db, organizationId, actor, { endpointId: endpoint.id });
    const afterDelete = await endpointAuditEvents(organizationId, endpoint.id);
    expect(afterDelete.at(-1)).toMatchObject({ action: "webhook_endpoint.deleted" });
    expect(await listWebhookEndpoints(db, organizationId)).toEqual([]);

    // Neither secret is anywhere in the database, in any table.
    const dump = (await dumpEveryTable()).map((row) => row.text).join("\n");
    for (const value of [secret, rotated?.secret ?? "missing"]) {
      expect(dump).not.toContain(value.slice(6));
      expect(dump).not.toContain(Buffer.from(value.slice(6), "base64").toString("hex"));
    }
  });

  it("requires at least one event from the catalogue", async () => {
    const { organizationId, actor } = await createWebhookTestTenant();
    await expect(
      createTestEndpoint(organizationId, actor, "https://hooks.example.com/a", []),
    ).rejects.toThrow(CHOOSE_AN_EVENT);
  });

  it("'Send test event' reaches this endpoint alone, signed, and is logged with its status", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint, secret } = await createTestEndpoint(organizationId, actor, hook.url, [
      "permissions.unused",
    ]);
    const { endpoint: sibling } = await createTestEndpoint(organizationId, actor, hook.url, [
      "permissions.unused",
    ]);
    const queued = await sendTestWebhookEvent(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id },
      clock.now(),
    );
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });

    expect(await deliveriesOfEndpoint(sibling.id)).toEqual([]);
    const [received] = hook.received;
    if (!received) throw new Error("nothing received");
    expect(JSON.parse(received.body)).toEqual({
      type: "webhook.test",
      timestamp: clock.now().toISOString(),
      data: { endpointId: endpoint.id, sentBy: actor.label },
    });
    expect(verifyStandardWebhook([secret], received)).toEqual([true]);
    const [logged] = await listEndpointDeliveries(db, organizationId, endpoint.id);
    expect(logged).toMatchObject({
      id: queued?.deliveryId,
      eventType: "webhook.test",
      trigger: "test",
      status: "succeeded",
      lastStatusCode: 200,
      attempts: [{ attempt: 1, outcome: "succeeded", statusCode: 200 }],
    });
  });

  it("'Redeliver' sends the same message again with the same webhook-id, and is refused while the endpoint is disabled", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", { flowId: "f" }, { now: clock.now() });
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    const [original] = await deliveriesOfEndpoint(endpoint.id);
    if (!original) throw new Error("no delivery");

    clock.advance(60_000);
    const again = await redeliverWebhookDelivery(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id, deliveryId: original.id },
      clock.now(),
    );
    expect(again?.messageId).toBe(original.messageId);
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    expect(hook.received.map((request) => request.headers["webhook-id"])).toEqual([
      original.messageId,
      original.messageId,
    ]);
    expect(hook.received[0]?.body).toBe(hook.received[1]?.body);
    const log = await listEndpointDeliveries(db, organizationId, endpoint.id);
    expect(log.map((delivery) => [delivery.trigger, delivery.status])).toEqual([
      ["redeliver", "succeeded"],
      ["event", "succeeded"],
    ]);

    await setWebhookEndpointEnabled(db, organizationId, actor, { endpointId: endpoint.id, enabled: false });
    await expect(
      redeliverWebhookDelivery(db, organizationId, actor, {
        endpointId: endpoint.id,
        deliveryId: original.id,
      }),
    ).rejects.toThrow(ENDPOINT_DISABLED_FOR_REDELIVERY);
    expect((await readEndpoint(endpoint.id)).enabled).toBe(false);
  });
});
