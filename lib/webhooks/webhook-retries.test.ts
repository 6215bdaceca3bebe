import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  attemptsOf,
  createTestEndpoint,
  createWebhookTestTenant,
  deliverDueOf,
  deliveriesOfEndpoint,
  HOUR,
  MINUTE,
  manualClock,
  readDelivery,
  verifyStandardWebhook,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { emitWebhookEvent } from "./emit-webhook-event";
import { WEBHOOK_RETRY_DELAYS_MS } from "./webhook-retry-schedule";

const use = webhookReceivers();
afterEach(() => use.cleanup());

async function oneDelivery(endpointId: string) {
  const [delivery] = await deliveriesOfEndpoint(endpointId);
  if (!delivery) throw new Error("no delivery");
  return delivery;
}

describe("retries with back-off", () => {
  it("tries again after 1 and 5 minutes a receiver that answers 500, until it answers 200, with the same webhook-id, logging each attempt", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver((index) => ({ status: index < 2 ? 500 : 200 }));
    const { endpoint, secret } = await createTestEndpoint(organizationId, actor, hook.url);
    const emitted = await emitWebhookEvent(
      db,
      organizationId,
      "data_flow.failed",
      { n: 1 },
      { now: clock.now() },
    );
    const options = { client: hook.client, now: clock.now };
    const start = clock.now().getTime();

    expect(await deliverDueOf(endpoint.id, options)).toMatchObject([
      { kind: "attempted", status: "pending" },
    ]);
    const delivery = await oneDelivery(endpoint.id);
    expect(delivery).toMatchObject({ status: "pending", attemptCount: 1, lastStatusCode: 500 });
    expect(delivery.nextAttemptAt?.getTime()).toBe(start + MINUTE);

    // Not due yet: nothing is sent.
    clock.advance(30_000);
    expect(await deliverDueOf(endpoint.id, options)).toEqual([]);
    expect(hook.received).toHaveLength(1);

    clock.set(new Date(start + MINUTE));
    expect(await deliverDueOf(endpoint.id, options)).toMatchObject([{ status: "pending" }]);
    expect((await readDelivery(delivery.id)).nextAttemptAt?.getTime()).toBe(start + MINUTE + 5 * MINUTE);

    clock.set(new Date(start + 6 * MINUTE));
    expect(await deliverDueOf(endpoint.id, options)).toMatchObject([{ status: "succeeded" }]);
    expect(await readDelivery(delivery.id)).toMatchObject({
      status: "succeeded",
      attemptCount: 3,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });

    const attempts = await attemptsOf(delivery.id);
    expect(
      attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.statusCode, attempt.error]),
    ).toEqual([
      [1, "failed", 500, "The endpoint answered HTTP 500"],
      [2, "failed", 500, "The endpoint answered HTTP 500"],
      [3, "succeeded", 200, null],
    ]);
    expect(attempts.map((attempt) => attempt.nextAttemptAt?.getTime() ?? null)).toEqual([
      start + MINUTE,
      start + 6 * MINUTE,
      null,
    ]);
    expect(attempts.every((attempt) => typeof attempt.responseMs === "number")).toBe(true);

    // One message: the same webhook-id on every attempt, each signed at its own time.
    expect(hook.received.map((request) => request.headers["webhook-id"])).toEqual([
      emitted?.messageId,
      emitted?.messageId,
      emitted?.messageId,
    ]);
    expect(hook.received.map((request) => Number(request.headers["webhook-timestamp"]) * 1000)).toEqual([
      start,
      start + MINUTE,
      start + 6 * MINUTE,
    ]);
    expect(hook.received.every((request) => verifyStandardWebhook([secret], request)[0])).toBe(true);
  });

  it("follows 1 min, 5 min, 30 min, 2 h, 6 h and 12 h, then gives up after 7 attempts", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver(() => ({ status: 503 }));
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    const start = clock.now().getTime();
    const options = { client: hook.client, now: clock.now };

    let at = start;
    for (const delay of [0, ...WEBHOOK_RETRY_DELAYS_MS]) {
      at += delay;
      clock.set(new Date(at - 1));
      expect(await deliverDueOf(endpoint.id, options)).toEqual([]);
      clock.set(new Date(at));
      expect(await deliverDueOf(endpoint.id, options)).toHaveLength(1);
    }
    expect(WEBHOOK_RETRY_DELAYS_MS).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR]);
    const delivery = await oneDelivery(endpoint.id);
    expect(delivery).toMatchObject({
      status: "failed",
      attemptCount: 7,
      nextAttemptAt: null,
      lastStatusCode: 503,
    });
    expect(delivery.completedAt?.getTime()).toBe(at);
    expect((await attemptsOf(delivery.id)).map((attempt) => attempt.statusCode)).toEqual(Array(7).fill(503));
    clock.advance(48 * HOUR);
    expect(await deliverDueOf(endpoint.id, options)).toEqual([]);
    expect(hook.received).toHaveLength(7);
  });

  it("counts a receiver too slow to answer as a timeout, and one that is gone as unreachable, and retries both", async () => {
    const db = await getDb();
    const clock = manualClock();
    const { organizationId, actor } = await createWebhookTestTenant();
    const slow = await use.receiver(() => ({ status: 200, delayMs: 3_000 }));
    const { endpoint } = await createTestEndpoint(organizationId, actor, slow.url);
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    await deliverDueOf(endpoint.id, { client: slow.client, now: clock.now, timeoutMs: 300 });
    const timedOut = await oneDelivery(endpoint.id);
    expect(timedOut).toMatchObject({ status: "pending", attemptCount: 1, lastStatusCode: null });
    expect(timedOut.lastError).toBe(`The host ${slow.server.hostPort} did not answer within 0.3 s`);

    const gone = await use.receiver();
    const { endpoint: closedEndpoint } = await createTestEndpoint(organizationId, actor, gone.url);
    await gone.server.close();
    await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() });
    await deliverDueOf(closedEndpoint.id, { client: gone.client, now: clock.now });
    const unreachable = await oneDelivery(closedEndpoint.id);
    expect(unreachable).toMatchObject({ status: "pending", attemptCount: 1, lastStatusCode: null });
    expect(unreachable.lastError).toBe(`The host ${gone.server.hostPort} refused the connection`);
  });
});
