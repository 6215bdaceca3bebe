import fs from "node:fs";
import type { Measurement } from "./measure";

function find(results: Measurement[], name: string): Measurement | undefined {
  return results.find((result) => result.name === name);
}

function ratio(a: Measurement | undefined, b: Measurement | undefined): string {
  return a && b && b.requestsPerSecond > 0
    ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`
    : "—";
}

/** Prints the table, each ratio to the floors and the peer, and the goals; saves JSON beside it. */
export function printReport(results: Measurement[]): void {
  const bare = find(results, "bare node:http, constant JSON");
  const peer = find(results, "node-oidc-provider: POST /token");
  console.log(
    "\n| endpoint | req/s | p50 ms | p99 ms | errors | vs constant route | vs bare node:http | vs oidc-provider |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const result of results) {
    const label = result.name.split(":")[0] ?? "";
    const constant = find(results, `${label}: constant Next route handler`);
    const isToken = result.name.includes("token") || result.name.includes("/token");
    console.log(
      `| ${result.name} | ${result.requestsPerSecond} | ${result.p50} | ${result.p99} | ${result.errors} | ${constant ? ratio(result, constant) : "—"} | ${ratio(result, bare)} | ${isToken ? ratio(result, peer) : "—"} |`,
    );
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(`bench-results/bench-${Date.now()}.json`, JSON.stringify(results, null, 2));
}
