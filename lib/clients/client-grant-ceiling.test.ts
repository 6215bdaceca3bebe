import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets, personalTokens } from "@/lib/db/schema";
import { auditEventsOf, countClients, currentSecretIdFor } from "@/lib/testing/client-test-support";
import { createTenantWithDeputy } from "@/lib/testing/grantor-test-support";
import { createPersonalToken } from "@/lib/tokens/token-commands";
import { createClient } from "./create-client";
import { findClientForOrganization } from "./find-client";
import { rotateClientSecret } from "./rotate-client-secret";
import { updateClient } from "./update-client";

describe("API clients within the grantor's ceiling", () => {
  it("refuses to create a client with a permission the administrator lacks, and writes nothing", async () => {
    const { organizationId, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    await expect(
      createClient(db, organizationId, deputyActor, {
        name: "Cleaner",
        permissions: ["cases:read", "cases:delete"],
      }),
    ).rejects.toMatchObject({
      field: "permissions",
      message: "You can grant only permissions your own role holds; it does not hold Cases delete.",
    });
    expect(await countClients(organizationId)).toBe(0);
    const created = await createClient(db, organizationId, deputyActor, {
      name: "Reader",
      permissions: ["cases:read", "devices:read"],
    });
    expect(created.client.permissions).toEqual(["cases:read", "devices:read"]);
  });

  it("keeps a client's permissions beyond the administrator as they are on edit", async () => {
    const { organizationId, actor, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const { client } = await createClient(db, organizationId, actor, {
      name: "Archiver",
      permissions: ["cases:read", "evidence:delete"],
    });
    const edited = await updateClient(db, organizationId, deputyActor, {
      clientId: client.clientId,
      name: "Archiver (nightly)",
      permissions: ["cases:create", "evidence:delete"],
    });
    expect(edited).toMatchObject({
      name: "Archiver (nightly)",
      permissions: ["cases:create", "evidence:delete"],
    });
    for (const [permissions, message] of [
      [
        ["cases:create"],
        "Your role does not hold Evidence delete: only an administrator who does can remove it.",
      ],
      [
        ["cases:create", "evidence:delete", "evidence:download"],
        "You can grant only permissions your own role holds; it does not hold Evidence download.",
      ],
    ] as const) {
      await expect(
        updateClient(db, organizationId, deputyActor, {
          clientId: client.clientId,
          permissions: [...permissions],
        }),
      ).rejects.toMatchObject({ field: "permissions", message });
    }
    expect((await findClientForOrganization(db, organizationId, client.clientId))?.permissions).toEqual([
      "cases:create",
      "evidence:delete",
    ]);
  });

  it("refuses to rotate the secret of a client that holds more than the administrator", async () => {
    const { organizationId, actor, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const { client } = await createClient(db, organizationId, actor, {
      name: "Purger",
      permissions: ["cases:delete"],
    });
    const replacesSecretId = await currentSecretIdFor(organizationId, client.clientId);
    const before = await db
      .select()
      .from(apiClientSecrets)
      .where(eq(apiClientSecrets.apiClientId, client.id));
    await expect(
      rotateClientSecret(db, organizationId, deputyActor, {
        clientId: client.clientId,
        grace: "none",
        replacesSecretId,
      }),
    ).rejects.toThrow(
      "This client holds Cases delete, which your role does not. Only an administrator who holds all of the client's permissions can rotate its secret, since the new secret carries them.",
    );
    expect(
      await db.select().from(apiClientSecrets).where(eq(apiClientSecrets.apiClientId, client.id)),
    ).toEqual(before);
    expect((await auditEventsOf(organizationId)).map((event) => event.action)).toEqual([
      "api_client.created",
    ]);
    // Within the ceiling, the deputy rotates like anyone.
    const { client: reader } = await createClient(db, organizationId, deputyActor, {
      name: "Reader",
      permissions: ["cases:read"],
    });
    const rotated = await rotateClientSecret(db, organizationId, deputyActor, {
      clientId: reader.clientId,
      grace: "1h",
      replacesSecretId: await currentSecretIdFor(organizationId, reader.clientId),
    });
    expect(rotated?.secret).toMatch(/^lk_cs_/);
  });
});

describe("personal tokens within the grantor's ceiling", () => {
  it("hold only what their owner's role holds", async () => {
    const { organizationId, deputy, deputyActor } = await createTenantWithDeputy();
    const db = await getDb();
    const actor = { organizationId, userId: deputy.id, audit: deputyActor };
    await expect(
      createPersonalToken(db, actor, {
        name: "Wide",
        expiration: 30,
        permissionMode: "custom",
        scopes: ["cases:read", "cases:delete"],
      }),
    ).rejects.toMatchObject({ field: "scopes", message: "Your role does not hold cases:delete" });
    expect(await db.select().from(personalTokens).where(eq(personalTokens.userId, deputy.id))).toEqual([]);
  });
});
