/**
 * The peer: node-oidc-provider issuing JWT access tokens (ES256) for the client credentials
 * grant, configured as Latchkey is, so their token endpoints can be compared in one run.
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const audience = "http://127.0.0.1/api/v1";
const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const jwk = { ...privateKey.export({ format: "jwk" }), alg: "ES256", use: "sig", kid: "bench" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "bench-client",
      client_secret: process.env.PEER_CLIENT_SECRET ?? "",
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "cases:read",
      // Only an ES256 key is configured; the default (RS256) would make the client invalid.
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [jwk as never] },
  scopes: ["cases:read"],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "cases:read",
        audience,
        accessTokenTTL: 3600,
        accessTokenFormat: "jwt",
        jwt: { sign: { alg: "ES256" } },
      }),
    },
  },
});
http
  .createServer(provider.callback())
  .listen(port, "127.0.0.1", () => console.log(`oidc-provider on ${port}`));
