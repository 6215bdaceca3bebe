import { issuerUrl } from "@/lib/oauth/issuer";
import type { Scope } from "@/lib/permissions/catalogue";
import { logApiRequest } from "@/lib/usage/api-request-log";
import { type AnsweredApiRequest, outcomeOfAccessRefusal, recordApiUsage } from "@/lib/usage/api-usage";
import { apiFailureResponse } from "./api-failure";
import { ApiProblem } from "./api-problem";
import { authenticateApiRequest } from "./auth/authenticate-api-request";
import { enforceRequestRate } from "./enforce-request-rate";
import { buildOpenApiDocument } from "./openapi/openapi-document";
import { operationScopeOf, routeResourceRequest } from "./resource-router";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Authenticates, applies the caller's request rate, routes; the response, who it answered and
 * the access decision (for usage: `scope` is the operation's, '' when the path names none).
 */
async function answer(
  request: Request,
  ip: string,
  path: readonly string[],
  scope: Scope | "",
): Promise<AnsweredApiRequest & { response: Response }> {
  try {
    const result = await authenticateApiRequest(request, ip);
    if (result.outcome === "refused") {
      const outcome = outcomeOfAccessRefusal(result.problem);
      return { response: result.problem.toResponse(), caller: result.caller, outcome };
    }
    const { caller } = result;
    const rate = await enforceRequestRate(caller);
    if (!rate.allowed) return { response: rate.problem.toResponse(), caller, outcome: "rate_limited" };
    const response = await routeResourceRequest(request, caller, [...path]);
    // The router refuses exactly this (insufficient_scope); anything it answers after is allowed.
    const outcome = scope !== "" && !caller.scopes.includes(scope) ? "insufficient_scope" : "allowed";
    return { response: withHeaders(response, rate.headers), caller, outcome };
  } catch (error) {
    // A problem raised on purpose answers itself; database trouble is 503, never a refusal.
    const refusal = error instanceof ApiProblem ? error : undefined;
    return { response: apiFailureResponse(error, request), refusal };
  }
}

/**
 * Every request under /api/v1: the OpenAPI document is public; everything else is
 * authenticated, held to the caller's request rate, routed to its resource handler (which
 * checks the operation's scope and scopes every query to the caller's organization) and
 * recorded in the API audit log and in usage (counted in memory, written in batches; refusals
 * of credentials that name a client or token count for it). Database trouble, while authenticating or after, is 503 with
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
  const scope = operationScopeOf(request.method, path);
  const answered = await answer(request, ip, path, scope);
  const { response, caller } = answered;
  recordApiUsage(request, ip, scope, answered);
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
