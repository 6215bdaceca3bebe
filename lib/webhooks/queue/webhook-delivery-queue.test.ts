import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type DataFlowQueue, startDataFlowQueue } from "@/lib/data-flows/queue/data-flow-queue";
import { getDb } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import type { OutboundClient } from "@/lib/net/outbound/outbound-client";
import {
  attemptsOf,
  createTestEndpoint,
  createWebhookTestTenant,
  deliveriesOfEndpoint,
  MINUTE,
  manualClock,
  readDelivery,
  verifyStandardWebhook,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import type { DeliveryJob } from "../attempt-webhook-delivery";
import { attemptWebhookDelivery } from "../attempt-webhook-delivery";
import { emitWebhookEvent } from "../emit-webhook-event";
import { INTERRUPTED_ATTEMPT, REQUEUE_AFTER_MS, relayDueWebhookDeliveries } from "./relay-webhook-deliveries";
import { WEBHOOK_DELIVERIES_QUEUE } from "./webhook-delivery-queue";

const use = webhookReceivers();
const queues: DataFlowQueue[] = [];

afterEach(async () => {
  while (queues.length > 0) await queues.pop()?.stop();
  await use.cleanup();
});

async function startQueue(client: OutboundClient, retryDelaysMs: readonly number[] = [300, 300]) {
  const queue = await startDataFlowQueue({
    schedule: false,
    pollingIntervalSeconds: 0.5,
    webhooks: { client, retryDelaysMs, pollingIntervalSeconds: 0.5 },
  });
  queues.push(queue);
  return queue;
}

async function settled(endpointId: string, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await deliveriesOfEndpoint(endpointId);
    if (
      deliveries.length === count &&
      deliveries.every((delivery) => !["pending", "sending"].includes(delivery.status))
    )
      return deliveries;
    if (Date.now() > deadline) throw new Error(`deliveries of ${endpointId} still in flight`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The relay's jobs for these deliveries only (it takes every organization's). */
function jobsFor(jobs: DeliveryJob[], deliveryIds: readonly string[]) {
  return jobs.filter((job) => deliveryIds.includes(job.deliveryId));
}

describe("the outbox relay", () => {
  it("queues each due delivery once, leaves those not due, and queues again one whose job was lost", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { endpoint } = await createTestEndpoint(organizationId, actor, "https://hooks.example.com/in");
    await emitWebhookEvent(db, organizationId, "data_flow.failed", { n: 1 }, { now: clock.now() });
    const later = new Date(clock.now().getTime() + 5 * MINUTE);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", { n: 2 }, { now: later });
    const [due, notDue] = await deliveriesOfEndpoint(endpoint.id);
    if (!due || !notDue) throw new Error("no deliveries");
    const mine = [due.id, notDue.id];

    const sent: DeliveryJob[] = [];
    const send = async (job: DeliveryJob) => void sent.push(job);
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    expect(jobsFor(sent, mine)).toEqual([{ deliveryId: due.id, attempt: 1 }]);
    expect(await readDelivery(due.id)).toMatchObject({ status: "pending", queuedAttempt: 1 });

    // Its job never ran (lost with a queue): once it is overdue by REQUEUE_AFTER_MS, it goes again.
    sent.length = 0;
    clock.advance(REQUEUE_AFTER_MS - 1_000);
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    expect(jobsFor(sent, mine)).toEqual([{ deliveryId: notDue.id, attempt: 1 }]);
    clock.advance(2_000);
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    expect(jobsFor(sent, mine)).toEqual([
      { deliveryId: notDue.id, attempt: 1 },
      { deliveryId: due.id, attempt: 1 },
    ]);
  });

  it("records an attempt whose worker vanished as interrupted, and moves it on to its retry", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const { endpoint } = await createTestEndpoint(organizationId, actor, "https://hooks.example.com/in");
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    const [delivery] = await deliveriesOfEndpoint(endpoint.id);
    if (!delivery) throw new Error("no delivery");
    // A worker claimed attempt 1 and died before recording anything.
    await db
      .update(webhookDeliveries)
      .set({
        status: "sending",
        attemptCount: 1,
        lastAttemptAt: clock.now(),
        leaseExpiresAt: new Date(clock.now().getTime() + 2 * MINUTE),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    const send = async () => {};
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    expect((await readDelivery(delivery.id)).status).toBe("sending");

    clock.advance(2 * MINUTE + 1_000);
    await relayDueWebhookDeliveries(db, send, { now: clock.now });
    const moved = await readDelivery(delivery.id);
    expect(moved).toMatchObject({ status: "pending", attemptCount: 1, lastError: INTERRUPTED_ATTEMPT });
    expect(moved.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + MINUTE);
    expect((await attemptsOf(delivery.id)).map((attempt) => [attempt.attempt, attempt.error])).toEqual([
      [1, INTERRUPTED_ATTEMPT],
    ]);
  });

  it("an attempt is made by one worker only, however many are handed it", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver(() => ({ status: 200, delayMs: 100 }));
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    const [delivery] = await deliveriesOfEndpoint(endpoint.id);
    if (!delivery) throw new Error("no delivery");
    const job = { deliveryId: delivery.id, attempt: 1 };
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => attemptWebhookDelivery(db, job, { client: hook.client, now: clock.now })),
    );
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual([
      "attempted",
      "not_claimed",
      "not_claimed",
    ]);
    expect(hook.received).toHaveLength(1);
  });
});

describe("deliveries as pg-boss jobs", () => {
  it("a worker delivers, retries a 500 through the queue, and ends succeeded", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver((index) => ({ status: index === 0 ? 500 : 200 }));
    const { endpoint, secret } = await createTestEndpoint(organizationId, actor, hook.url);
    const queue = await startQueue(hook.client);
    const emitted = await emitWebhookEvent(db, organizationId, "data_flow.failed", { flowId: "f1" });
    await queue.webhooks.relayNow();

    const [delivery] = await settled(endpoint.id, 1);
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 2, lastStatusCode: 200 });
    expect((await attemptsOf(delivery?.id ?? "")).map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    expect(hook.received.map((request) => request.headers["webhook-id"])).toEqual([
      emitted?.messageId,
      emitted?.messageId,
    ]);
    expect(hook.received.map((request) => verifyStandardWebhook([secret], request)[0])).toEqual([true, true]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "two workers on PostgreSQL deliver each event to each endpoint exactly once, even when every job is sent twice",
    async () => {
      const db = await getDb();
      const { organizationId, actor } = await createWebhookTestTenant();
      const hook = await use.receiver(() => ({ status: 200, delayMs: 20 }));
      const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url, ["permissions.unused"]);
      const second = await use.receiver();
      const { endpoint: other } = await createTestEndpoint(organizationId, actor, second.url, [
        "permissions.unused",
      ]);
      const a = await startQueue(hook.client);
      const b = await startQueue(hook.client);
      const count = 20;
      await db.transaction(async (tx) => {
        for (let index = 0; index < count; index += 1)
          await emitWebhookEvent(tx, organizationId, "permissions.unused", { index });
      });
      // Both processes' relays at once, and a second job for every delivery.
      await Promise.all([a.webhooks.relayNow(), b.webhooks.relayNow()]);
      for (const delivery of await deliveriesOfEndpoint(endpoint.id))
        await b.boss.send(WEBHOOK_DELIVERIES_QUEUE, { deliveryId: delivery.id, attempt: 1 });

      const deliveries = await settled(endpoint.id, count);
      expect(
        deliveries.every((delivery) => delivery.status === "succeeded" && delivery.attemptCount === 1),
      ).toBe(true);
      const ids = hook.received.map((request) => String(request.headers["webhook-id"]));
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      // The other endpoint (not reachable by these workers' client) still got each event once as a delivery.
      expect(await deliveriesOfEndpoint(other.id)).toHaveLength(count);
    },
  );
});
