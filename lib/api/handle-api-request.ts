import { issuerUrl } from "@/lib/oauth/issuer";
import { logApiRequest } from "@/lib/usage/api-request-log";
import { apiFailureResponse } from "./api-failure";
import type { ApiCaller } from "./auth/api-caller";
import { authenticateApiRequest } from "./auth/authenticate-api-request";
import { enforceRequestRate } from "./enforce-request-rate";
import { buildOpenApiDocument } from "./openapi/openapi-document";
import { routeResourceRequest } from "./resource-router";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Authenticates, applies the caller's request rate, routes; the response and who it answered. */
async function answer(
  request: Request,
  ip: string,
  path: readonly string[],
): Promise<{ response: Response; caller?: ApiCaller }> {
  try {
    const result = await authenticateApiRequest(request, ip);
    if (result.outcome === "refused") return { response: result.problem.toResponse(), caller: result.caller };
    const { caller } = result;
    const rate = await enforceRequestRate(caller);
    if (!rate.allowed) return { response: rate.problem.toResponse(), caller };
    const response = await routeResourceRequest(request, caller, [...path]);
    return { response: withHeaders(response, rate.headers), caller };
  } catch (error) {
    // A problem raised on purpose answers itself; database trouble is 503, never a refusal.
    return { response: apiFailureResponse(error, request) };
  }
}

/**
 * Every request under /api/v1: the OpenAPI document is public; everything else is
 * authenticated, held to the caller's request rate, routed to its resource handler (which
 * checks the operation's scope and scopes every query to the caller's organization) and
 * recorded in the API audit log. Database trouble, while authenticating or after, is 503 with
 * Retry-After (api-failure.ts).
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
  const { response, caller } = await answer(request, ip, path);
  if (caller) {
    logApiRequest(
      caller,
      { method: request.method, path: new URL(request.url).pathname },
      response.status,
      startedAt,
    );
  }
  return response;
}
