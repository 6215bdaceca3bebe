import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  createTestEndpoint,
  createWebhookTestTenant,
  DAY,
  deliverDueOf,
  HOUR,
  manualClock,
  verifyStandardWebhook,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { emitWebhookEvent } from "./emit-webhook-event";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { generateWebhookSecret } from "./webhook-secret";

const use = webhookReceivers();
afterEach(() => use.cleanup());

describe("signed deliveries (Standard Webhooks)", () => {
  it("POSTs {type, timestamp, data} with webhook-id, webhook-timestamp and a v1 signature an independent verifier accepts", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint, secret } = await createTestEndpoint(organizationId, actor, hook.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);

    const emitted = await emitWebhookEvent(
      db,
      organizationId,
      "data_flow.failed",
      { flowId: "flow-1", name: "Nightly import" },
      { now: clock.now() },
    );
    expect(emitted).toMatchObject({ deliveryCount: 1 });
    clock.advance(2_000);
    const [outcome] = await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    expect(outcome).toMatchObject({ kind: "attempted", status: "succeeded" });

    expect(hook.received).toHaveLength(1);
    const [received] = hook.received;
    if (!received) throw new Error("nothing received");
    expect(received.headers["content-type"]).toBe("application/json");
    expect(received.headers["webhook-id"]).toBe(emitted?.messageId);
    expect(received.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    // The attempt's time, in Unix seconds; the body's timestamp is the event's.
    expect(received.headers["webhook-timestamp"]).toBe(String(clock.now().getTime() / 1000));
    expect(JSON.parse(received.body)).toEqual({
      type: "data_flow.failed",
      timestamp: new Date(clock.now().getTime() - 2_000).toISOString(),
      data: { flowId: "flow-1", name: "Nightly import" },
    });
    expect(String(received.headers["webhook-signature"])).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifyStandardWebhook([secret], received)).toEqual([true]);
    // The verifier is not one that accepts anything: another secret, or a changed body, fail.
    expect(verifyStandardWebhook([generateWebhookSecret()], received)).toEqual([false]);
    expect(
      verifyStandardWebhook([secret], { ...received, body: received.body.replace("Nightly", "Daily") }),
    ).toEqual([false]);
    expect(
      verifyStandardWebhook([secret], {
        ...received,
        headers: { ...received.headers, "webhook-timestamp": "1" },
      }),
    ).toEqual([false]);
  });

  it("after 'Rotate secret', signs with the new and the old secret for 24 hours, then with the new one only", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint, secret: oldSecret } = await createTestEndpoint(organizationId, actor, hook.url);
    const rotatedAt = clock.now();
    const rotated = await rotateWebhookSecret(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id },
      rotatedAt,
    );
    if (!rotated) throw new Error("not rotated");
    const newSecret = rotated.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretExpiresAt?.getTime()).toBe(rotatedAt.getTime() + DAY);

    const deliverAt = async (ms: number) => {
      clock.set(new Date(rotatedAt.getTime() + ms));
      await emitWebhookEvent(db, organizationId, "data_flow.failed", { at: ms }, { now: clock.now() });
      await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
      const received = hook.received.at(-1);
      if (!received) throw new Error("nothing received");
      return received;
    };

    const soon = await deliverAt(HOUR);
    expect(String(soon.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifyStandardWebhook([newSecret, oldSecret], soon)).toEqual([true, true]);

    const lastMoment = await deliverAt(DAY - 1_000);
    expect(verifyStandardWebhook([newSecret, oldSecret], lastMoment)).toEqual([true, true]);

    const after = await deliverAt(DAY + 1_000);
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verifyStandardWebhook([newSecret, oldSecret], after)).toEqual([true, false]);
  });

  it("a second rotation within the 24 hours keeps only the latest two secrets signing", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver();
    const { endpoint, secret: first } = await createTestEndpoint(organizationId, actor, hook.url);
    const second = await rotateWebhookSecret(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id },
      clock.now(),
    );
    clock.advance(HOUR);
    const third = await rotateWebhookSecret(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id },
      clock.now(),
    );
    if (!second || !third) throw new Error("not rotated");
    clock.advance(HOUR);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    const [received] = hook.received;
    if (!received) throw new Error("nothing received");
    expect(verifyStandardWebhook([third.secret, second.secret, first], received)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
