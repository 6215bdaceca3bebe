import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { getDb } from "@/lib/db/client";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import {
  createFlowTestTenant,
  insertTestFlow,
  insertTestRun,
  instantRetries,
} from "@/lib/testing/data-flow-test-support";
import { createTestEndpoint, deliverDueOf, webhookReceivers } from "@/lib/testing/webhook-test-support";
import { executeDataFlowRun } from "./execute-data-flow-run";

let fake: FakeAxonius;
let client: OutboundClient;
const use = webhookReceivers();

beforeAll(async () => {
  fake = await startFakeAxonius({ deviceCount: 20 });
  client = createOutboundClient({ allowHosts: parseAllowHosts(fake.hostPort) });
});

afterEach(async () => {
  fake.setFaults([]);
  await use.cleanup();
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

describe("data flow webhook events", () => {
  it("a failed run sends data_flow.failed, and the pause it causes data_flow.paused; a good run sends nothing", async () => {
    const db = await getDb();
    const tenant = await createFlowTestTenant(fake);
    const flow = await insertTestFlow(tenant.organizationId, tenant.credential.id);
    const hook = await use.receiver();
    const { endpoint } = await createTestEndpoint(tenant.organizationId, tenant.actor, hook.url, [
      "data_flow.failed",
      "data_flow.paused",
    ]);
    const execute = async () => {
      const run = await insertTestRun(tenant.organizationId, flow.id);
      await executeDataFlowRun(db, run.id, { client, retry: instantRetries().policy, pauseAfterFailures: 2 });
      return run.id;
    };
    const delivered = async () => {
      await deliverDueOf(endpoint.id, { client: hook.client, now: () => new Date() });
      return hook.received.map((request) => JSON.parse(request.body));
    };

    expect(await execute()).toBeTruthy();
    expect(await delivered()).toEqual([]);

    fake.setFaults(["devices:401"]);
    const firstFailure = await execute();
    const afterFirst = await delivered();
    expect(afterFirst).toEqual([
      {
        type: "data_flow.failed",
        timestamp: expect.any(String),
        data: {
          flowId: flow.id,
          flowName: flow.name,
          runId: firstFailure,
          status: "failed",
          error: "Axonius did not accept the API key and secret (401); check both values",
          consecutiveFailures: 1,
        },
      },
    ]);

    const secondFailure = await execute();
    const afterSecond = (await delivered()).slice(1);
    expect(afterSecond.map((body) => [body.type, body.data.runId])).toEqual([
      ["data_flow.failed", secondFailure],
      ["data_flow.paused", secondFailure],
    ]);
    expect(afterSecond[1]?.data).toMatchObject({
      flowId: flow.id,
      consecutiveFailures: 2,
      reason: expect.stringContaining("Paused after 2 failed runs in a row"),
    });
  });
});
