import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  createTestEndpoint,
  createWebhookTestTenant,
  DAY,
  deliverDueOf,
  deliveriesOfEndpoint,
  endpointAuditEvents,
  HOUR,
  manualClock,
  readEndpoint,
  webhookReceivers,
} from "@/lib/testing/webhook-test-support";
import { CANCELLED_ENDPOINT_DISABLED } from "./cancel-pending-deliveries";
import { emitWebhookEvent } from "./emit-webhook-event";
import { setWebhookEndpointEnabled } from "./set-webhook-endpoint-enabled";
import { listEndpointsDisabledForFailing } from "./webhook-queries";

const use = webhookReceivers();
afterEach(() => use.cleanup());

/** An event every 12 hours from the clock's start, each attempted when due, for `days` days. */
async function failForDays(
  target: { organizationId: string; endpointId: string },
  clock: ReturnType<typeof manualClock>,
  client: Parameters<typeof deliverDueOf>[1]["client"],
  until: number,
) {
  const db = await getDb();
  const start = clock.now().getTime();
  for (let at = start; at <= until; at += 12 * HOUR) {
    clock.set(new Date(at));
    await emitWebhookEvent(db, target.organizationId, "data_flow.failed", { at }, { now: clock.now() });
    await deliverDueOf(target.endpointId, { client, now: clock.now });
  }
}

describe("an endpoint that keeps failing", () => {
  it("is disabled once every delivery has failed for 5 days, audited, cancelled, and shown as a notice", async () => {
    const db = await getDb();
    const clock = manualClock();
    const start = clock.now().getTime();
    const { organizationId, actor } = await createWebhookTestTenant();
    const hook = await use.receiver(() => ({ status: 500 }));
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    const target = { organizationId, endpointId: endpoint.id };

    await failForDays(target, clock, hook.client, start + 4 * DAY + 12 * HOUR);
    const stillOn = await readEndpoint(endpoint.id);
    expect(stillOn).toMatchObject({ enabled: true, disabledReason: null });
    expect(stillOn.failingSince?.getTime()).toBe(start);
    expect(await listEndpointsDisabledForFailing(db, organizationId)).toEqual([]);

    // Five days after the first failure, the next failed attempt disables it.
    clock.set(new Date(start + 5 * DAY));
    await emitWebhookEvent(db, organizationId, "data_flow.failed", { last: true }, { now: clock.now() });
    const [outcome] = await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    expect(outcome).toMatchObject({ kind: "attempted", endpointDisabled: true, status: "cancelled" });

    const off = await readEndpoint(endpoint.id);
    expect(off).toMatchObject({ enabled: false, disabledReason: "failing", disabledBy: "Latchkey" });
    expect(off.disabledAt?.getTime()).toBe(start + 5 * DAY);
    const notices = await listEndpointsDisabledForFailing(db, organizationId);
    expect(notices.map((notice) => notice.id)).toEqual([endpoint.id]);

    const disabledEvents = (await endpointAuditEvents(organizationId, endpoint.id)).filter(
      (event) => event.action === "webhook_endpoint.disabled",
    );
    expect(disabledEvents).toHaveLength(1);
    expect(disabledEvents[0]).toMatchObject({
      actorType: "system",
      actorLabel: "Latchkey",
      details: {
        reason: "failing",
        failingSince: new Date(start).toISOString(),
        lastError: "The endpoint answered HTTP 500",
      },
    });

    // Nothing of it waits any more, nothing more is sent, and new events pass it by.
    const deliveries = await deliveriesOfEndpoint(endpoint.id);
    expect(
      deliveries.filter((delivery) => delivery.status === "pending" || delivery.status === "sending"),
    ).toEqual([]);
    expect(deliveries.filter((delivery) => delivery.status === "cancelled").length).toBeGreaterThan(0);
    expect(deliveries.find((delivery) => delivery.status === "cancelled")?.lastError).toBe(
      CANCELLED_ENDPOINT_DISABLED,
    );
    const sent = hook.received.length;
    clock.advance(DAY);
    expect(
      await emitWebhookEvent(db, organizationId, "data_flow.failed", {}, { now: clock.now() }),
    ).toMatchObject({
      deliveryCount: 0,
    });
    expect(await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now })).toEqual([]);
    expect(hook.received).toHaveLength(sent);

    // Enabling it again ends the notice and gives it five days anew.
    await setWebhookEndpointEnabled(
      db,
      organizationId,
      actor,
      { endpointId: endpoint.id, enabled: true },
      clock.now(),
    );
    expect(await readEndpoint(endpoint.id)).toMatchObject({
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
    expect(await listEndpointsDisabledForFailing(db, organizationId)).toEqual([]);
  });

  it("is not disabled when a delivery succeeds within the 5 days: the streak starts again", async () => {
    const clock = manualClock();
    const start = clock.now().getTime();
    const { organizationId, actor } = await createWebhookTestTenant();
    let healthy = false;
    const hook = await use.receiver(() => ({ status: healthy ? 204 : 502 }));
    const { endpoint } = await createTestEndpoint(organizationId, actor, hook.url);
    const target = { organizationId, endpointId: endpoint.id };

    await failForDays(target, clock, hook.client, start + 3 * DAY);
    healthy = true;
    clock.set(new Date(start + 3 * DAY + 6 * HOUR));
    await deliverDueOf(endpoint.id, { client: hook.client, now: clock.now });
    const recovered = await readEndpoint(endpoint.id);
    expect(recovered).toMatchObject({ enabled: true, failingSince: null });
    expect(recovered.lastSuccessAt?.getTime()).toBe(start + 3 * DAY + 6 * HOUR);

    healthy = false;
    clock.set(new Date(start + 3 * DAY + 12 * HOUR));
    await failForDays(target, clock, hook.client, start + 7 * DAY + 12 * HOUR);
    const failingAgain = await readEndpoint(endpoint.id);
    expect(failingAgain.enabled).toBe(true);
    expect(failingAgain.failingSince?.getTime()).toBe(start + 3 * DAY + 12 * HOUR);
  });
});
