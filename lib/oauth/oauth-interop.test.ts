import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { createTenantWithClient, TEST_IP } from "@/lib/testing/oauth-test-support";
import { handleDiscoveryRequest, handleJwksRequest } from "./discovery";
import { handleIntrospectionRequest } from "./introspection-endpoint";
import { issuerUrl } from "./issuer";
import { handleRevocationRequest } from "./revocation-endpoint";
import { handleTokenRequest } from "./token-endpoint";

/** Routes oauth4webapi's requests to Latchkey's handlers, as the server would. */
const latchkeyFetch = async (url: string, init: RequestInit & { method?: string }) => {
  const request = new Request(url, init);
  const path = new URL(url).pathname;
  switch (path) {
    case "/.well-known/oauth-authorization-server":
      return handleDiscoveryRequest();
    case "/api/oauth/jwks":
      return handleJwksRequest();
    case "/api/oauth/token":
      return handleTokenRequest(request, TEST_IP);
    case "/api/oauth/introspect":
      return handleIntrospectionRequest(request, TEST_IP);
    case "/api/oauth/revoke":
      return handleRevocationRequest(request, TEST_IP);
    default:
      return new Response("not found", { status: 404 });
  }
};

const options = { [oauth.customFetch]: latchkeyFetch, [oauth.allowInsecureRequests]: true } as const;

describe("interoperability with oauth4webapi", () => {
  it.each([
    ["client_secret_basic", oauth.ClientSecretBasic],
    ["client_secret_post", oauth.ClientSecretPost],
  ])("discovers, gets a token, introspects and revokes with %s", async (_method, authenticate) => {
    const { client, secret } = await createTenantWithClient(["cases:read", "devices:read"]);
    const issuer = new URL(issuerUrl());
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { ...options, algorithm: "oauth2" }),
    );
    expect(as.grant_types_supported).toEqual(["client_credentials"]);
    expect(as.scopes_supported).toContain("cases:read");
    const oauthClient: oauth.Client = { client_id: client.clientId };
    const clientAuth = authenticate(secret);

    const tokenResponse = await oauth.processClientCredentialsResponse(
      as,
      oauthClient,
      await oauth.clientCredentialsGrantRequest(
        as,
        oauthClient,
        clientAuth,
        new URLSearchParams({ scope: "cases:read" }),
        options,
      ),
    );
    expect(tokenResponse.token_type).toBe("bearer");
    expect(tokenResponse.scope).toBe("cases:read");

    const active = await oauth.processIntrospectionResponse(
      as,
      oauthClient,
      await oauth.introspectionRequest(as, oauthClient, clientAuth, tokenResponse.access_token, options),
    );
    expect(active).toMatchObject({
      active: true,
      client_id: client.clientId,
      scope: "cases:read",
      token_type: "Bearer",
    });

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, oauthClient, clientAuth, tokenResponse.access_token, options),
    );
    const after = await oauth.processIntrospectionResponse(
      as,
      oauthClient,
      await oauth.introspectionRequest(as, oauthClient, clientAuth, tokenResponse.access_token, options),
    );
    expect(after).toEqual({ active: false });
  });

  it("tells another organization's client nothing about a token, and does not let it revoke one", async () => {
    const owner = await createTenantWithClient(["cases:read"]);
    const stranger = await createTenantWithClient(["cases:read"]);
    const issuer = new URL(issuerUrl());
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { ...options, algorithm: "oauth2" }),
    );
    const ownerClient = { client_id: owner.client.clientId };
    const strangerClient = { client_id: stranger.client.clientId };
    const { access_token } = await oauth.processClientCredentialsResponse(
      as,
      ownerClient,
      await oauth.clientCredentialsGrantRequest(
        as,
        ownerClient,
        oauth.ClientSecretBasic(owner.secret),
        new URLSearchParams(),
        options,
      ),
    );
    const seenByStranger = await oauth.processIntrospectionResponse(
      as,
      strangerClient,
      await oauth.introspectionRequest(
        as,
        strangerClient,
        oauth.ClientSecretBasic(stranger.secret),
        access_token,
        options,
      ),
    );
    expect(seenByStranger).toEqual({ active: false });
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(
        as,
        strangerClient,
        oauth.ClientSecretBasic(stranger.secret),
        access_token,
        options,
      ),
    );
    const seenByOwner = await oauth.processIntrospectionResponse(
      as,
      ownerClient,
      await oauth.introspectionRequest(
        as,
        ownerClient,
        oauth.ClientSecretBasic(owner.secret),
        access_token,
        options,
      ),
    );
    expect(seenByOwner.active).toBe(true);
  });

  it("publishes RFC 8414 metadata whose issuer is exactly the configured base URL", async () => {
    const metadata = (await handleDiscoveryRequest().json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(issuerUrl());
    expect(String(metadata.issuer).endsWith("/")).toBe(false);
    expect(metadata).toMatchObject({
      token_endpoint: `${issuerUrl()}/api/oauth/token`,
      introspection_endpoint: `${issuerUrl()}/api/oauth/introspect`,
      revocation_endpoint: `${issuerUrl()}/api/oauth/revoke`,
      jwks_uri: `${issuerUrl()}/api/oauth/jwks`,
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
  });
});
