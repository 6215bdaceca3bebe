import type { ApiCaller } from "@/lib/api/auth/api-caller";
import { type Scope, scopeOf } from "@/lib/permissions/catalogue";
import { apiFailureResponse } from "./api-failure";
import { insufficientScopeProblem, methodNotAllowedProblem, unknownPathProblem } from "./api-problem";
import { getResource, listResources } from "./read-resources";
import { matchResourceRoute } from "./resource-routes";
import { DOWNLOAD_HANDLERS, RESOURCE_DEFINITIONS } from "./resources";
import { createResource, deleteResource, updateResource } from "./write-resources";

async function dispatch(request: Request, caller: ApiCaller, path: readonly string[]): Promise<Response> {
  const route = matchResourceRoute(request.method, path);
  if (route.kind === "not_found") throw unknownPathProblem();
  if (route.kind === "method_not_allowed") throw methodNotAllowedProblem(request.method, route.allowed);

  const { resource, operation, id } = route;
  const scope = scopeOf(resource, operation);
  if (!caller.scopes.includes(scope)) throw insufficientScopeProblem(scope);

  const definition = RESOURCE_DEFINITIONS[resource];
  switch (operation) {
    case "read":
      return id === null ? listResources(definition, request, caller) : getResource(definition, caller, id);
    case "create":
      return createResource(definition, request, caller);
    case "update":
      return updateResource(definition, request, caller, id ?? "");
    case "delete":
      return deleteResource(definition, caller, id ?? "");
    case "download": {
      const download = DOWNLOAD_HANDLERS[resource];
      if (!download) throw unknownPathProblem();
      return download(request, caller, id ?? "");
    }
  }
}

/**
 * The scope the catalogue gives the operation a method and path ask for (HEAD is GET's), as
 * dispatch checks it; '' when the path names no operation. Usage counts requests by it.
 */
export function operationScopeOf(method: string, path: readonly string[]): Scope | "" {
  const route = matchResourceRoute(method === "HEAD" ? "GET" : method, path);
  return route.kind === "found" ? scopeOf(route.resource, route.operation) : "";
}

/**
 * The resource APIs: `path` is what follows /api/v1 (["cases"], ["cases", id],
 * ["evidence", id, "content"]). The caller is already authenticated; this checks that it
 * holds exactly the scope the catalogue gives the operation, then runs it within the
 * caller's organization. Every failure is an RFC 9457 problem response; 404 for a path the
 * catalogue does not define, 405 (with Allow) for a defined path and another method, 403
 * (with WWW-Authenticate naming the scope) for a missing scope, 503 when the database cannot
 * answer.
 */
export async function routeResourceRequest(
  request: Request,
  caller: ApiCaller,
  path: string[],
): Promise<Response> {
  if (request.method === "HEAD") {
    // RFC 9110 §9.3.2: HEAD is GET without the content (Next.js hands HEAD to the GET export).
    const response = await routeResourceRequest(new Request(request, { method: "GET" }), caller, path);
    return new Response(null, { status: response.status, headers: response.headers });
  }
  try {
    return await dispatch(request, caller, path);
  } catch (error) {
    return apiFailureResponse(error, request);
  }
}
