import { RefusedApiCall } from "@/lib/api/auth/api-caller";
import { authenticateApiRequest } from "@/lib/api/auth/authenticate-api-request";
import { issuerUrl } from "@/lib/oauth/issuer";
import { logApiRequest } from "@/lib/usage/api-request-log";
import { apiFailureResponse } from "./api-failure";
import { buildOpenApiDocument } from "./openapi/openapi-document";
import { routeResourceRequest } from "./resource-router";

/**
 * Every request under /api/v1: the OpenAPI document is public; everything else is
 * authenticated, routed to its resource handler (which checks the operation's scope and
 * scopes every query to the caller's organization) and recorded in the API audit log.
 * Database trouble, while authenticating or after, is 503 with Retry-After (api-failure.ts).
 */
export async function handleApiRequest(
  request: Request,
  ip: string,
  path: readonly string[],
): Promise<Response> {
  const startedAt = performance.now();
  if (path.length === 1 && path[0] === "openapi.json") {
    if (request.method !== "GET") return new Response(null, { status: 405, headers: { allow: "GET" } });
    return Response.json(buildOpenApiDocument(issuerUrl()), {
      headers: { "cache-control": "public, max-age=300" },
    });
  }
  const authenticated = await authenticateApiRequest(request, ip).catch((error: unknown) =>
    apiFailureResponse(error, request),
  );
  if (authenticated instanceof Response) return authenticated;
  const refused = authenticated instanceof RefusedApiCall;
  const caller = refused ? authenticated.caller : authenticated;
  const response = refused ? authenticated.response : await routeResourceRequest(request, caller, [...path]);
  logApiRequest(
    caller,
    { method: request.method, path: new URL(request.url).pathname },
    response.status,
    startedAt,
  );
  return response;
}
