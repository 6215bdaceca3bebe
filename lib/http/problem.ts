import { RETRY_AFTER_SECONDS } from "@/lib/db/errors";

/** An RFC 9457 problem details response. */
export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title, status, ...(detail ? { detail } : {}), ...extra }),
    {
      status,
      headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
    },
  );
}

/** 503 while the database cannot answer: try again after Retry-After (RFC 9110 §10.2.3). */
export function serviceUnavailableResponse(
  detail = "The service is temporarily unavailable; try again shortly.",
  extra: Record<string, unknown> = {},
): Response {
  return problemResponse(503, "Service Unavailable", detail, extra, {
    "retry-after": String(RETRY_AFTER_SECONDS),
  });
}
