import { describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { createClient } from "@/lib/clients/create-client";
import { getDb } from "@/lib/db/client";
import {
  auditEventsOf,
  createClientTestTenant,
  rotateCurrentSecret,
} from "@/lib/testing/client-test-support";
import { expectNoSecretIn } from "@/lib/testing/security-event-test-support";

describe("recordAuditEvent", () => {
  it("records an administrator's secret rotation with who, what, from where and with which browser, never the secret", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const { client, secret } = await createClient(db, tenant.organizationId, tenant.actor, {
      name: "Rotated",
    });
    const actor = {
      ...tenant.actor,
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 Authorization: Bearer ${secret}`,
    };
    const rotated = await rotateCurrentSecret(db, tenant.organizationId, actor, {
      clientId: client.clientId,
      grace: "1h",
    });
    if (!rotated) throw new Error("not rotated");
    const events = await auditEventsOf(tenant.organizationId);
    const rotation = events.find((event) => event.action === "api_client.secret_rotated");
    expect(rotation).toMatchObject({
      actorType: "user",
      actorId: tenant.admin.id,
      actorLabel: tenant.admin.email,
      targetType: "api_client",
      targetId: client.clientId,
      ip: tenant.actor.ip,
      userAgent: expect.stringMatching(
        /^Mozilla\/5\.0 \(X11; Linux x86_64\) Firefox\/140\.0 Authorization: Bearer \[REDACTED\]/,
      ),
      outcome: "success",
      reason: null,
    });
    expectNoSecretIn(JSON.stringify(events), [secret, rotated.secret]);
  });
});
