const bodies = new Map<number, string>();

/** A constant JSON body of about `bytes` bytes (bounded), the same on every call. */
export function constantBody(bytes: number): string {
  const size = Math.min(Math.max(Math.trunc(bytes) || 64, 16), 1_000_000);
  let body = bodies.get(size);
  if (!body) {
    body = JSON.stringify({ data: "x".repeat(Math.max(0, size - 11)) });
    bodies.set(size, body);
  }
  return body;
}

/** Serves the benchmark floor route only when benchmarks asked for it. */
export function constantBenchResponse(request: Request): Response {
  if (process.env.LATCHKEY_BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  const bytes = Number(new URL(request.url).searchParams.get("bytes") ?? "64");
  return new Response(constantBody(bytes), { headers: { "content-type": "application/json" } });
}
