import { type NextRequest, NextResponse } from "next/server";
import { isServedOverHttps, newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Sets the security headers of console responses, with a fresh script nonce each time (Next
 * finds the nonce in the request's policy and applies it to its scripts). It only sets
 * headers: who may see or change what is decided where the data is read and written.
 */
export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    https: isServedOverHttps(process.env.AUTH_URL, request.nextUrl.protocol),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Console pages and Auth.js; not the machine APIs (which Latchkey's server answers itself)
  // nor build assets, whose unchanging headers come from next.config.ts.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico).*)", "/api/auth/:path*"],
};
