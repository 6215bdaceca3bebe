import autocannon, { type Options } from "autocannon";

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS || 3);

/** Warms up, then measures one endpoint at 20 connections; non-2xx answers count as errors. */
export async function measure(
  name: string,
  options: Omit<Options, "connections" | "duration">,
): Promise<Measurement> {
  await autocannon({ ...options, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS });
  const measurement = {
    name,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
  console.log(
    `  ${name}: ${measurement.requestsPerSecond} req/s, p50 ${measurement.p50} ms, p99 ${measurement.p99} ms, errors ${measurement.errors}`,
  );
  return measurement;
}

export async function waitForOk(url: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}
