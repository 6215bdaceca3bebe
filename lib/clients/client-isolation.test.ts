import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import { auditEventsOf, createClientTestTenant } from "@/lib/testing/client-test-support";
import { authenticateClientSecret } from "./authenticate-client-secret";
import { createClient } from "./create-client";
import { deleteClient } from "./delete-client";
import { findClientForOrganization, listClientSecrets } from "./find-client";
import { listClients } from "./list-clients";
import { rotateClientSecret } from "./rotate-client-secret";
import { setClientStatus } from "./set-client-status";
import { updateClient } from "./update-client";

describe("organization isolation", () => {
  it("treats another organization's client ID as not found and changes nothing", async () => {
    const db = await getDb();
    const owner = await createClientTestTenant();
    const intruder = await createClientTestTenant();
    const { client, secret } = await createClient(db, owner.organizationId, owner.actor, {
      name: "Owner's client",
      permissions: ["cases:read"],
    });
    const secretsBefore = await db.select().from(apiClientSecrets);
    const { organizationId: otherOrg, actor } = intruder;
    const clientId = client.clientId;

    expect(await findClientForOrganization(db, otherOrg, clientId)).toBeNull();
    expect(await listClientSecrets(db, otherOrg, clientId)).toEqual([]);
    expect(
      await updateClient(db, otherOrg, actor, { clientId, name: "Taken over", permissions: [] }),
    ).toBeNull();
    expect(
      await rotateClientSecret(db, otherOrg, actor, { clientId, grace: "none", replacesSecretId: null }),
    ).toBeNull();
    expect(await setClientStatus(db, otherOrg, actor, { clientId, status: "disabled" })).toBeNull();
    expect(await deleteClient(db, otherOrg, actor, { clientId, confirmationName: client.name })).toBeNull();
    expect((await listClients(db, otherOrg, { search: clientId })).total).toBe(0);

    expect(await findClientForOrganization(db, owner.organizationId, clientId)).toEqual(client);
    expect(await db.select().from(apiClientSecrets)).toEqual(secretsBefore);
    expect(await authenticateClientSecret(db, clientId, secret)).not.toBeNull();
    expect(await auditEventsOf(otherOrg)).toEqual([]);
  });
});
