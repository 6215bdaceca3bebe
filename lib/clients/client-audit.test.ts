import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import {
  auditEventsOf,
  createClientTestTenant,
  rotateCurrentSecret,
} from "@/lib/testing/client-test-support";
import { createClient } from "./create-client";
import { deleteClient } from "./delete-client";
import { setClientStatus } from "./set-client-status";
import { updateClient } from "./update-client";

describe("audit of client changes", () => {
  it("records every change with actor and IP, and never a secret or its hash", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    const { client, secret } = await createClient(db, organizationId, actor, {
      name: "Audited client",
      description: "Watched closely",
      permissions: ["reports:read"],
    });
    const clientId = client.clientId;
    await updateClient(db, organizationId, actor, {
      clientId,
      permissions: ["reports:read", "reports:create"],
    });
    const rotated = await rotateCurrentSecret(db, organizationId, actor, { clientId, grace: "24h" });
    const rotatedAgain = await rotateCurrentSecret(db, organizationId, actor, { clientId, grace: "none" });
    await setClientStatus(db, organizationId, actor, { clientId, status: "disabled" });
    const hashes = (await db.select({ hash: apiClientSecrets.secretHash }).from(apiClientSecrets)).map(
      (r) => r.hash,
    );
    await deleteClient(db, organizationId, actor, { clientId, confirmationName: "Audited client" });

    const events = await auditEventsOf(organizationId);
    expect(events.map((event) => event.action).sort()).toEqual(
      [
        "api_client.created",
        "api_client.deleted",
        "api_client.disabled",
        "api_client.secret_rotated",
        "api_client.secret_rotated",
        "api_client.updated",
      ].sort(),
    );
    for (const event of events) {
      expect(event).toMatchObject({
        actorType: "user",
        actorId: actor.id,
        actorLabel: actor.label,
        ip: "203.0.113.7",
        targetType: "api_client",
        targetId: clientId,
        outcome: "success",
      });
    }

    const everything = JSON.stringify(events);
    const secrets = [secret, rotated?.secret, rotatedAgain?.secret].map((value) => value ?? "");
    for (const value of secrets) {
      expect(value).not.toBe("");
      expect(everything).not.toContain(value);
      // Not even the random body without its prefix.
      expect(everything).not.toContain(value.slice("lk_cs_".length, -6));
    }
    for (const hash of hashes) expect(everything).not.toContain(hash);
    const rotation = events.find((event) => event.action === "api_client.secret_rotated");
    expect(Object.keys(rotation?.details ?? {}).sort()).toEqual([
      "grace",
      "name",
      "previousSecretExpiresAt",
      "secretsRevoked",
    ]);
  });
});
