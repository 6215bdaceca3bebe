import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { webhookMessages } from "@/lib/db/schema";
import {
  createTestEndpoint,
  createWebhookTestTenant,
  deliveriesOfEndpoint,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { emitWebhookEvent } from "./emit-webhook-event";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import type { WebhookEventType } from "./webhook-event-catalogue";

const use = webhookReceivers();
afterEach(() => use.cleanup());

async function messagesOf(organizationId: string) {
  const db = await getDb();
  return db.select().from(webhookMessages).where(eq(webhookMessages.organizationId, organizationId));
}

describe("emitWebhookEvent", () => {
  it("queues one delivery to each enabled endpoint subscribed to the event, and none to the others", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const url = "https://hooks.example.com/in";
    const failures = await createTestEndpoint(organizationId, actor, url, [
      "data_flow.failed",
      "data_flow.paused",
    ]);
    const alsoFailures = await createTestEndpoint(organizationId, actor, url, ["data_flow.failed"]);
    const tokens = await createTestEndpoint(organizationId, actor, url, ["token.expiring"]);
    const disabled = await createTestEndpoint(organizationId, actor, url, ["data_flow.failed"]);
    await setWebhookEndpointEnabled(db, organizationId, actor, {
      endpointId: disabled.endpoint.id,
      enabled: false,
    });

    const emitted = await emitWebhookEvent(db, organizationId, "data_flow.failed", { flowId: "f" });
    expect(emitted?.deliveryCount).toBe(2);
    for (const { endpoint } of [failures, alsoFailures]) {
      const deliveries = await deliveriesOfEndpoint(endpoint.id);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({
        messageId: emitted?.messageId,
        status: "pending",
        trigger: "event",
        attemptCount: 0,
      });
    }
    expect(await deliveriesOfEndpoint(tokens.endpoint.id)).toEqual([]);
    expect(await deliveriesOfEndpoint(disabled.endpoint.id)).toEqual([]);
  });

  it("writes in the caller's transaction: nothing is queued when it rolls back", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { endpoint } = await createTestEndpoint(organizationId, actor, "https://hooks.example.com/in", [
      "client.disabled",
    ]);
    const rollback = new Error("the caller's change failed");
    await expect(
      db.transaction(async (tx) => {
        await emitWebhookEvent(tx, organizationId, "client.disabled", { clientId: "c1" });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await deliveriesOfEndpoint(endpoint.id)).toEqual([]);
    expect(await messagesOf(organizationId)).toEqual([]);

    await db.transaction(async (tx) => {
      await emitWebhookEvent(tx, organizationId, "client.disabled", { clientId: "c1" });
    });
    expect(await deliveriesOfEndpoint(endpoint.id)).toHaveLength(1);
  });

  it("emits once per idempotency key in an organization", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const other = await createWebhookTestTenant();
    const { endpoint } = await createTestEndpoint(organizationId, actor, "https://hooks.example.com/in", [
      "token.expiring",
    ]);
    const key = "token.expiring:tok-1:7d";
    const first = await emitWebhookEvent(
      db,
      organizationId,
      "token.expiring",
      { days: 7 },
      { idempotencyKey: key },
    );
    const again = await emitWebhookEvent(
      db,
      organizationId,
      "token.expiring",
      { days: 7 },
      { idempotencyKey: key },
    );
    expect(first?.deliveryCount).toBe(1);
    expect(again).toBeNull();
    expect(await deliveriesOfEndpoint(endpoint.id)).toHaveLength(1);
    // Another organization's key space is its own.
    await expect(
      emitWebhookEvent(db, other.organizationId, "token.expiring", {}, { idempotencyKey: key }),
    ).resolves.toMatchObject({ deliveryCount: 0 });
  });

  it("refuses an event type the catalogue does not list, including the test event", async () => {
    const db = await getDb();
    const { organizationId } = await createWebhookTestTenant();
    await expect(
      emitWebhookEvent(db, organizationId, "webhook.test" as WebhookEventType, {}),
    ).rejects.toThrow('unknown webhook event type "webhook.test"');
    expect(await messagesOf(organizationId)).toEqual([]);
  });
});
