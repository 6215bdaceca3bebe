import { endpointsOf, type Operation, RESOURCES, type ResourceKey } from "@/lib/permissions/catalogue";

const API_PREFIX = "/api/v1/";
const ID_SEGMENT = "{id}";

interface RouteEntry {
  resource: ResourceKey;
  operation: Operation;
  method: string;
  /** The path after /api/v1/, split: ["cases", "{id}"]. */
  segments: string[];
}

/** Every method and path the catalogue enables; nothing here is written twice. */
const ROUTES: RouteEntry[] = RESOURCES.flatMap((resource) =>
  resource.operations.flatMap((operation) =>
    endpointsOf(resource.key, operation).map((endpoint) => ({
      resource: resource.key,
      operation,
      method: endpoint.method,
      segments: endpoint.path.slice(API_PREFIX.length).split("/"),
    })),
  ),
);

export type RouteMatch =
  | { kind: "found"; resource: ResourceKey; operation: Operation; id: string | null }
  | { kind: "method_not_allowed"; allowed: string[] }
  | { kind: "not_found" };

/** The ID segment of the path when it fits the template, `null` when it fits without one. */
function matchSegments(template: readonly string[], path: readonly string[]): string | null | undefined {
  if (template.length !== path.length) return undefined;
  let id: string | null = null;
  for (const [index, expected] of template.entries()) {
    const actual = path[index] ?? "";
    if (expected === ID_SEGMENT && actual !== "") id = actual;
    else if (expected !== actual) return undefined;
  }
  return id;
}

/** Which catalogue operation a method and path (the segments after /api/v1) ask for. */
export function matchResourceRoute(method: string, path: readonly string[]): RouteMatch {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const id = matchSegments(route.segments, path);
    if (id === undefined) continue;
    if (route.method === method)
      return { kind: "found", resource: route.resource, operation: route.operation, id };
    if (!allowed.includes(route.method))
      allowed.push(...(route.method === "GET" ? ["GET", "HEAD"] : [route.method]));
  }
  return allowed.length > 0 ? { kind: "method_not_allowed", allowed } : { kind: "not_found" };
}
