/**
 * The per-request security headers of console pages, set by proxy.ts (headers that never vary
 * — nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy — are in next.config.ts).
 *
 * Scripts run only with the request's nonce: Next reads it from the policy on the request
 * and puts it on its own scripts; `'strict-dynamic'` lets those load the page's chunks.
 * Development adds what React's dev tooling needs (eval, inline styles of the error overlay).
 */
export interface PolicyOptions {
  nonce: string;
  development: boolean;
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain http it would send the browser to an https port that is not there.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, subdomains included; sent only when the console is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: a fresh one for every response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The console is served over https when its configured URL is, or this request came over TLS. */
export function isServedOverHttps(configuredUrl: string | undefined, requestProtocol: string): boolean {
  return configuredUrl?.startsWith("https:") === true || requestProtocol === "https:";
}

/** The headers a console response carries, for one request. */
export function pageSecurityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    ...(options.https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
