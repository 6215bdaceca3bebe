import { getDb } from "@/lib/db/client";
import { ALL_SCOPES } from "@/lib/permissions/catalogue";
import { issuerUrl } from "./issuer";
import { oauthFailureResponse } from "./oauth-error";
import { loadPublishedJwks, SIGNING_ALGORITHM } from "./signing-keys";

/** GET /.well-known/oauth-authorization-server (RFC 8414). */
export function handleDiscoveryRequest(): Response {
  const issuer = issuerUrl();
  const authMethods = ["client_secret_basic", "client_secret_post"];
  return Response.json(
    {
      issuer,
      token_endpoint: `${issuer}/api/oauth/token`,
      token_endpoint_auth_methods_supported: authMethods,
      introspection_endpoint: `${issuer}/api/oauth/introspect`,
      introspection_endpoint_auth_methods_supported: authMethods,
      revocation_endpoint: `${issuer}/api/oauth/revoke`,
      revocation_endpoint_auth_methods_supported: authMethods,
      jwks_uri: `${issuer}/api/oauth/jwks`,
      grant_types_supported: ["client_credentials"],
      response_types_supported: [],
      scopes_supported: ALL_SCOPES,
      service_documentation: `${issuer}/docs/api`,
    },
    { headers: { "cache-control": "public, max-age=300" } },
  );
}

/**
 * GET /api/oauth/jwks: the current and the previous public signing keys, as the database has
 * them now (not this process's key ring), so that a key retired by any process leaves at once.
 */
export async function handleJwksRequest(): Promise<Response> {
  let jwks: Awaited<ReturnType<typeof loadPublishedJwks>>;
  try {
    jwks = await loadPublishedJwks(await getDb());
  } catch (error) {
    return oauthFailureResponse(error);
  }
  return Response.json(
    { keys: jwks.map((jwk) => ({ ...jwk, alg: jwk.alg ?? SIGNING_ALGORITHM })) },
    { headers: { "cache-control": "public, max-age=60" } },
  );
}
