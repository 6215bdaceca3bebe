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
