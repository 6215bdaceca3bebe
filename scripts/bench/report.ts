import fs from "node:fs";
import type { ImportMeasurement } from "./bench-import";
import type { Measurement } from "./measure";

function find(results: Measurement[], name: string): Measurement | undefined {
  return results.find((result) => result.name === name);
}

function ratio(a: Measurement | undefined, b: Measurement | undefined): string {
  return a && b && b.requestsPerSecond > 0
    ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`
    : "—";
}

function printImports(imports: ImportMeasurement[]): void {
  if (imports.length === 0) return;
  console.log(
    "\n| data flow import | devices | pages | seconds | devices/s | RSS before MiB | peak RSS MiB |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const run of imports) {
    console.log(
      `| ${run.database} | ${run.devices} | ${run.pages} | ${run.seconds.toFixed(1)} | ${run.devicesPerSecond} | ${run.rssBeforeMiB} | ${run.peakRssMiB} |`,
    );
  }
}

function printEndpoints(results: Measurement[]): void {
  if (results.length === 0) return;
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
}

/**
 * Prints the endpoint table with each ratio to the floors and the peer, then the data flow
 * imports; saves both as JSON beside it.
 */
export function printReport(results: Measurement[], imports: ImportMeasurement[]): void {
  printEndpoints(results);
  printImports(imports);
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    `bench-results/bench-${Date.now()}.json`,
    JSON.stringify({ endpoints: results, imports }, null, 2),
  );
}
