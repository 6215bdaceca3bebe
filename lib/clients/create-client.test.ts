import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets, apiClients, organizations } from "@/lib/db/schema";
import { FieldError, FormError } from "@/lib/forms/action-state";
import { ALL_SCOPES } from "@/lib/permissions/catalogue";
import {
  auditEventsOf,
  countClients,
  createClientTestTenant,
  liveSecretCount,
} from "@/lib/testing/client-test-support";
import { ALLOWED_IPS_REQUIRED, API_ACCESS_NOT_IN_PLAN, DUPLICATE_CLIENT_NAME } from "./client-errors";
import { CLIENT_ID_PATTERN } from "./client-id";
import { createClient } from "./create-client";

describe("createClient", () => {
  it("creates an active client that is allowed nothing by default, with a one-time secret", async () => {
    const db = await getDb();
    const { organizationId, actor, admin } = await createClientTestTenant();
    const { client, secret } = await createClient(db, organizationId, actor, { name: "  Evidence Sync  " });

    expect(client).toMatchObject({
      organizationId,
      name: "Evidence Sync",
      description: "",
      allowedIps: [],
      permissions: [],
      status: "active",
      createdBy: admin.id,
      lastUsedAt: null,
    });
    expect(client.clientId).toMatch(CLIENT_ID_PATTERN);
    expect(isWellFormedSecret(secret, "client_secret")).toBe(true);

    const [stored] = await db
      .select()
      .from(apiClientSecrets)
      .where(eq(apiClientSecrets.apiClientId, client.id));
    expect(stored?.secretHash).toBe(secretHash(secret));
    expect(stored?.displayPrefix).toBe(secret.slice(0, 10));
    expect(stored?.expiresAt).toBeNull();
    expect(await liveSecretCount(client.id)).toBe(1);
  });

  it("stores exactly the permissions granted, normalized, and the allowed IPs normalized", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    const { client } = await createClient(db, organizationId, actor, {
      name: "Partner feed",
      description: "Feeds the partner's dashboard",
      allowedIps: "10.0.0.0/8\n2001:DB8::1/128",
      permissions: ["evidence:read", "cases:read", "cases:read"],
    });
    expect(client.permissions).toEqual(["cases:read", "evidence:read"]);
    expect(client.allowedIps).toEqual(["10.0.0.0/8", "2001:db8::1"]);
    expect(ALL_SCOPES.filter((scope) => !client.permissions.includes(scope))).toHaveLength(
      ALL_SCOPES.length - 2,
    );
  });

  it("NFC-normalizes the name", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    const { client } = await createClient(db, organizationId, actor, { name: "Cafe\u0301 export" });
    expect(client.name).toBe("Caf\u00e9 export");
  });

  it("rejects a name already taken in the organization, ignoring case, and writes nothing", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    await createClient(db, organizationId, actor, { name: "Nightly Export" });
    const eventsBefore = (await auditEventsOf(organizationId)).length;

    for (const name of ["Nightly Export", "nightly export", " NIGHTLY EXPORT "]) {
      const attempt = createClient(db, organizationId, actor, { name });
      await expect(attempt).rejects.toBeInstanceOf(FieldError);
      await expect(attempt).rejects.toMatchObject({ field: "name", message: DUPLICATE_CLIENT_NAME });
    }
    expect(await countClients(organizationId)).toBe(1);
    expect(
      await db.select().from(apiClientSecrets).where(eq(apiClientSecrets.organizationId, organizationId)),
    ).toHaveLength(1);
    expect(await auditEventsOf(organizationId)).toHaveLength(eventsBefore);
  });

  it("creates one client when Save is pressed twice at once", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    const results = await Promise.allSettled([
      createClient(db, organizationId, actor, { name: "Double click" }),
      createClient(db, organizationId, actor, { name: "Double click" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await countClients(organizationId)).toBe(1);
  });

  it("allows the same name in another organization", async () => {
    const db = await getDb();
    const first = await createClientTestTenant();
    const second = await createClientTestTenant();
    await createClient(db, first.organizationId, first.actor, { name: "Shared name" });
    await expect(
      createClient(db, second.organizationId, second.actor, { name: "Shared name" }),
    ).resolves.toBeTruthy();
  });

  it("refuses organizations on the free plan", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant({ plan: "free" });
    const attempt = createClient(db, organizationId, actor, { name: "Not included" });
    await expect(attempt).rejects.toBeInstanceOf(FormError);
    await expect(attempt).rejects.toThrow(API_ACCESS_NOT_IN_PLAN);
    expect(await countClients(organizationId)).toBe(0);
  });

  it("requires allowed IPs where the organization restricts API access by IP", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    await db.update(organizations).set({ restrictApiByIp: true }).where(eq(organizations.id, organizationId));
    await expect(createClient(db, organizationId, actor, { name: "Open" })).rejects.toMatchObject({
      field: "allowedIps",
      message: ALLOWED_IPS_REQUIRED,
    });
    const { client } = await createClient(db, organizationId, actor, {
      name: "Fenced",
      allowedIps: ["192.0.2.0/24"],
    });
    expect(client.allowedIps).toEqual(["192.0.2.0/24"]);
  });

  it("validates its input again, whatever the caller did", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createClientTestTenant();
    await expect(createClient(db, organizationId, actor, { name: "" })).rejects.toThrow();
    await expect(
      createClient(db, organizationId, actor, { name: "Bad grid", permissions: ["payroll:read"] }),
    ).rejects.toThrow();
    await expect(
      createClient(db, organizationId, actor, { name: "Bad IPs", allowedIps: ["10.1"] }),
    ).rejects.toThrow();
    expect(await countClients(organizationId)).toBe(0);
    expect(await db.select().from(apiClients).where(eq(apiClients.organizationId, organizationId))).toEqual(
      [],
    );
  });
});
