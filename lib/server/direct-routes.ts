import { handleApiRequest } from "@/lib/api/handle-api-request";
import { checkHealth } from "@/lib/health/check-health";
import { problemResponse } from "@/lib/http/problem";
import { handleDiscoveryRequest, handleJwksRequest } from "@/lib/oauth/discovery";
import { handleIntrospectionRequest } from "@/lib/oauth/introspection-endpoint";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

export type DirectHandler = (request: Request, ip: string) => Promise<Response> | Response;

function methodNotAllowed(allow: string): Response {
  return new Response(null, { status: 405, headers: { allow } });
}

function only(method: "GET" | "POST", handler: DirectHandler): DirectHandler {
  return (request, ip) =>
    request.method === method || (method === "GET" && request.method === "HEAD")
      ? handler(request, ip)
      : methodNotAllowed(method === "GET" ? "GET, HEAD" : method);
}

const EXACT: Record<string, DirectHandler> = {
  "/.well-known/oauth-authorization-server": only("GET", () => handleDiscoveryRequest()),
  "/api/oauth/jwks": only("GET", () => handleJwksRequest()),
  "/api/oauth/token": only("POST", handleTokenRequest),
  "/api/oauth/introspect": only("POST", handleIntrospectionRequest),
  "/api/oauth/revoke": only("POST", handleRevocationRequest),
  "/api/health": only("GET", () => checkHealth()),
};

const API_PREFIX = "/api/v1/";

/** The path's segments, decoded; null when a client sent malformed percent-encoding. */
function decodeSegments(path: string): string[] | null {
  try {
    return path.split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * The machine-facing endpoints the server answers itself, calling the framework-free
 * handlers in lib/ directly: the same handlers the app/ route adapters call under Next,
 * without the framework's per-request cost. Null for everything Next serves.
 */
export function findDirectHandler(pathname: string): DirectHandler | null {
  const exact = EXACT[pathname];
  if (exact) return exact;
  if (pathname.startsWith(API_PREFIX) && pathname.length > API_PREFIX.length) {
    const segments = decodeSegments(pathname.slice(API_PREFIX.length));
    if (!segments)
      return () => problemResponse(400, "Bad Request", "The request path is not valid percent-encoding.");
    return (request, ip) => handleApiRequest(request, ip, segments);
  }
  return null;
}
