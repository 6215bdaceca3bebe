import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  ADMIT_ANY_URL,
  createTestEndpoint,
  createWebhookTestTenant,
  deliverDueOf,
  deliveriesOfEndpoint,
  endpointAuditEvents,
  manualClock,
  readEndpoint,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { emitWebhookEvent } from "./emit-webhook-event";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { redeliverWebhookDelivery } from "./redeliver-webhook-delivery";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { sendTestWebhookEvent } from "./send-test-webhook-event";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import {
  listEndpointDeliveries,
  listEndpointsDisabledForFailing,
  listWebhookEndpoints,
} from "./webhook-queries";

const use = webhookReceivers();
afterEach(() => use.cleanup());

describe("tenant isolation", () => {
  it("another organization's endpoints and deliveries are never listed, changed or sent to", async () => {
    const db = await getDb();
    const clock = manualClock();
    const owner = await createWebhookTestTenant();
    const intruder = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint } = await createTestEndpoint(owner.organizationId, owner.actor, hook.url, [
      "client.disabled",
    ]);
    await emitWebhookEvent(
      db,
      owner.organizationId,
      "client.disabled",
      { clientId: "c" },
      { now: clock.now() },
    );
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    const [delivery] = await deliveriesOfEndpoint(endpoint.id);
    if (!delivery) throw new Error("no delivery");
    const before = await readEndpoint(endpoint.id);
    const other = intruder.organizationId;
    const actor = intruder.actor;
    const ref = { endpointId: endpoint.id };

    // Nothing of it is listed or found.
    expect(await listWebhookEndpoints(db, other)).toEqual([]);
    expect(await findWebhookEndpoint(db, other, endpoint.id)).toBeNull();
    expect(await listEndpointDeliveries(db, other, endpoint.id)).toEqual([]);
    expect(await listEndpointsDisabledForFailing(db, other)).toEqual([]);

    // Every command answers "not found" and changes nothing.
    expect(
      await updateWebhookEndpoint(
        db,
        other,
        actor,
        { ...ref, url: "https://attacker.example.com/", eventTypes: ["client.disabled"] },
        ADMIT_ANY_URL,
      ),
    ).toBeNull();
    expect(await setWebhookEndpointEnabled(db, other, actor, { ...ref, enabled: false })).toBeNull();
    expect(await rotateWebhookSecret(db, other, actor, ref)).toBeNull();
    expect(await sendTestWebhookEvent(db, other, actor, ref)).toBeNull();
    expect(await redeliverWebhookDelivery(db, other, actor, { ...ref, deliveryId: delivery.id })).toBeNull();
    expect(await deleteWebhookEndpoint(db, other, actor, ref)).toBeNull();
    expect(await readEndpoint(endpoint.id)).toEqual(before);
    expect(await deliveriesOfEndpoint(endpoint.id)).toHaveLength(1);
    expect((await endpointAuditEvents(other, endpoint.id)).map((event) => event.action)).toEqual([]);

    // Its own delivery cannot be redelivered through another of the intruder's endpoints either.
    const { endpoint: theirs } = await createTestEndpoint(other, actor, hook.url, ["client.disabled"]);
    expect(
      await redeliverWebhookDelivery(db, other, actor, { endpointId: theirs.id, deliveryId: delivery.id }),
    ).toBeNull();

    // The intruder's events reach the intruder's endpoints only.
    const sent = hook.received.length;
    const emitted = await emitWebhookEvent(
      db,
      other,
      "client.disabled",
      { clientId: "x" },
      { now: clock.now() },
    );
    expect(emitted?.deliveryCount).toBe(1);
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    await deliverDueOf(theirs.id, { client: hook.client, now: clock.now });
    expect(hook.received).toHaveLength(sent + 1);
    expect(hook.received.at(-1)?.headers["webhook-id"]).toBe(emitted?.messageId);
    expect(await deliveriesOfEndpoint(endpoint.id)).toHaveLength(1);
  });
});
