import { describe, expect, it } from "vitest";
import { authenticateClientSecret } from "@/lib/clients/authenticate-client-secret";
import { getDb } from "@/lib/db/client";
import { basicAuth, createTenantWithClient, formRequest } from "@/lib/testing/oauth-test-support";
import { issueAccessToken } from "./access-token";
import { handleIntrospectionRequest } from "./introspection-endpoint";

const IP = "198.51.100.83";

describe("introspection and expiry (RFC 7662 §2.2, RFC 7519 §4.1.4)", () => {
  it("reports a token inactive from its exp on, with no leeway", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const authenticated = await authenticateClientSecret(
      await getDb(),
      tenant.client.clientId,
      tenant.secret,
    );
    if (!authenticated) throw new Error("the test client did not authenticate");
    const issue = (secondsAgo: number, lifetimeSeconds: number) =>
      issueAccessToken({
        issuance: authenticated.issuance,
        clientId: tenant.client.clientId,
        organizationId: tenant.organizationId,
        partnerId: tenant.organization.partnerId,
        scopes: ["cases:read"],
        lifetimeSeconds,
        now: Date.now() - secondsAgo * 1000,
      });
    const introspect = async (token: string) => {
      const response = await handleIntrospectionRequest(
        formRequest(
          "/api/oauth/introspect",
          { token },
          { authorization: basicAuth(tenant.client.clientId, tenant.secret) },
        ),
        IP,
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { active: boolean; exp?: number };
    };
    // Issued 61 s ago for 60 s: expired a second ago, well inside the 30 s leeway given before.
    const justExpired = await issue(61, 60);
    expect(await introspect(justExpired.token)).toEqual({ active: false });
    const live = await issue(30, 60);
    expect(await introspect(live.token)).toMatchObject({ active: true, exp: live.claims.exp });
  });
});
