import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  auditEventsOf,
  countClients,
  createClientTestTenant,
  rotateCurrentSecret,
} from "@/lib/testing/client-test-support";
import { CONFIRMATION_NAME_MISMATCH } from "./client-errors";
import { createClient } from "./create-client";
import { deleteClient } from "./delete-client";
import { findClientForOrganization, listClientSecrets } from "./find-client";
import { setClientStatus } from "./set-client-status";

async function newClient() {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const created = await createClient(db, tenant.organizationId, tenant.actor, { name: "Device sync" });
  return { db, ...tenant, ...created };
}

describe("setClientStatus", () => {
  it("disables and enables, auditing each change once", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const disabled = await setClientStatus(db, organizationId, actor, {
      clientId: client.clientId,
      status: "disabled",
    });
    expect(disabled?.status).toBe("disabled");
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "disabled" });
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "active" });
    const actions = (await auditEventsOf(organizationId)).map((event) => event.action);
    expect(actions.filter((action) => action === "api_client.disabled")).toHaveLength(1);
    expect(actions.filter((action) => action === "api_client.enabled")).toHaveLength(1);
  });
});

describe("deleteClient", () => {
  it("requires the client's exact name", async () => {
    const { db, organizationId, actor, client } = await newClient();
    for (const confirmationName of ["", "device sync", "Device syn"]) {
      await expect(
        deleteClient(db, organizationId, actor, { clientId: client.clientId, confirmationName }),
      ).rejects.toMatchObject({ field: "confirmationName", message: CONFIRMATION_NAME_MISMATCH });
    }
    expect(await countClients(organizationId)).toBe(1);
  });

  it("deletes the client with its secrets and audits it", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const deleted = await deleteClient(db, organizationId, actor, {
      clientId: client.clientId,
      confirmationName: " Device sync ",
    });
    expect(deleted?.clientId).toBe(client.clientId);
    expect(await findClientForOrganization(db, organizationId, client.clientId)).toBeNull();
    expect(await listClientSecrets(db, organizationId, client.clientId)).toEqual([]);
    const event = (await auditEventsOf(organizationId)).find((e) => e.action === "api_client.deleted");
    expect(event).toMatchObject({
      targetId: client.clientId,
      details: { name: "Device sync", permissions: [] },
    });
  });
});

describe("listClientSecrets", () => {
  it("shows prefixes and dates, newest first, never hashes", async () => {
    const { db, organizationId, actor, client, secret } = await newClient();
    const rotated = await rotateCurrentSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "1h",
    });
    const secrets = await listClientSecrets(db, organizationId, client.clientId);
    expect(secrets.map((s) => s.displayPrefix)).toEqual([rotated?.secret.slice(0, 10), secret.slice(0, 10)]);
    expect(Object.keys(secrets[0] ?? {}).sort()).toEqual([
      "createdAt",
      "displayPrefix",
      "expiresAt",
      "id",
      "revokedAt",
    ]);
  });
});
