import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { credentialListParamsSchema, toListOutboundCredentialsQuery } from "./credential-list-params";
import { listOutboundCredentials } from "./list-outbound-credentials";
import { recordCredentialTestResult } from "./record-credential-test-result";
import { revealCredentialSecrets } from "./reveal-credential-secrets";

async function tenantWithCredentials(entries: { name: string; hostUrl?: string }[]) {
  const tenant = await createCredentialTestTenant();
  const credentials = [];
  for (const entry of entries)
    credentials.push((await createTestCredential(tenant.organizationId, tenant.actor, entry)).credential);
  return { db: await getDb(), ...tenant, credentials };
}

describe("listOutboundCredentials", () => {
  it("sorts by name regardless of case and pages with a total, returning safe fields and the data flow count", async () => {
    const { db, organizationId } = await tenantWithCredentials([
      { name: "bravo" },
      { name: "Alpha" },
      { name: "charlie" },
    ]);
    const first = await listOutboundCredentials(db, organizationId, { limit: 2 });
    expect(first.credentials.map((row) => row.name)).toEqual(["Alpha", "bravo"]);
    expect(first.total).toBe(3);
    expect(first.credentials[0]?.dataFlowCount).toBe(0);
    for (const column of ["encryptedApiKey", "encryptedClientSecret", "nameKey"])
      expect(first.credentials[0]).not.toHaveProperty(column);
    const last = await listOutboundCredentials(db, organizationId, { limit: 2, offset: 2 });
    expect(last.credentials.map((row) => row.name)).toEqual(["charlie"]);
    const descending = await listOutboundCredentials(db, organizationId, { direction: "desc" });
    expect(descending.credentials.map((row) => row.name)).toEqual(["charlie", "bravo", "Alpha"]);
  });

  it("searches names and host URLs case-insensitively, wildcards taken literally", async () => {
    const { db, organizationId } = await tenantWithCredentials([
      { name: "Prod_EU", hostUrl: "https://eu.axonius.example.com" },
      { name: "Prod US", hostUrl: "https://us.axonius.example.com" },
      { name: "100% lab", hostUrl: "https://lab.example.org" },
    ]);
    const names = async (search: string) =>
      (await listOutboundCredentials(db, organizationId, { search })).credentials.map((row) => row.name);
    expect(await names("PROD")).toEqual(["Prod US", "Prod_EU"]);
    expect(await names("d_e")).toEqual(["Prod_EU"]);
    expect(await names("%")).toEqual(["100% lab"]);
    expect(await names("US.AXONIUS")).toEqual(["Prod US"]);
    expect((await listOutboundCredentials(db, organizationId, { search: "nothing like it" })).total).toBe(0);
  });

  it("sorts by host and by last test, never-tested last either way", async () => {
    const { db, organizationId, actor, credentials } = await tenantWithCredentials([
      { name: "One", hostUrl: "https://c.example.com" },
      { name: "Two", hostUrl: "https://a.example.com" },
      { name: "Three", hostUrl: "https://b.example.com" },
    ]);
    const byHost = await listOutboundCredentials(db, organizationId, { sort: "hostUrl" });
    expect(byHost.credentials.map((row) => row.name)).toEqual(["Two", "Three", "One"]);
    const times = [new Date("2026-01-01T00:00:00Z"), new Date("2026-02-01T00:00:00Z")];
    for (const [index, credential] of credentials.slice(0, 2).entries()) {
      const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
      if (!revealed) throw new Error("no credential");
      await recordCredentialTestResult(
        db,
        organizationId,
        actor,
        {
          credentialId: credential.id,
          outcome: "connected",
          message: "Connected — Axonius 6",
          testedAgainst: revealed,
        },
        times[index],
      );
    }
    const ascending = await listOutboundCredentials(db, organizationId, { sort: "lastTestedAt" });
    expect(ascending.credentials.map((row) => row.name)).toEqual(["One", "Two", "Three"]);
    const descending = await listOutboundCredentials(db, organizationId, {
      sort: "lastTestedAt",
      direction: "desc",
    });
    expect(descending.credentials.map((row) => row.name)).toEqual(["Two", "One", "Three"]);
    expect(ascending.credentials[0]).toMatchObject({
      lastTestOutcome: "connected",
      lastTestMessage: "Connected — Axonius 6",
      lastTestedAt: times[0],
    });
  });

  it("reads the list's URL parameters with defaults for anything odd", () => {
    expect(toListOutboundCredentialsQuery(credentialListParamsSchema.parse({}))).toEqual({
      search: "",
      connector: "all",
      sort: "name",
      direction: "asc",
      limit: 25,
      offset: 0,
    });
    expect(
      toListOutboundCredentialsQuery(
        credentialListParamsSchema.parse({
          q: "prod",
          connector: "axonius",
          sort: "hostUrl",
          dir: "desc",
          page: "3",
          pageSize: "10",
        }),
      ),
    ).toEqual({
      search: "prod",
      connector: "axonius",
      sort: "hostUrl",
      direction: "desc",
      limit: 10,
      offset: 20,
    });
    expect(
      credentialListParamsSchema.parse({
        connector: "other",
        sort: "encryptedApiKey",
        page: "-1",
        pageSize: "7",
      }),
    ).toMatchObject({ connector: "all", sort: "name", page: 1, pageSize: 25 });
  });
});
