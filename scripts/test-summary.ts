/**
 * Reads the JSON results that scripts/test.sh asks vitest and Playwright to write and prints
 * one plain line per suite, e.g. `unit: 42 passed, 0 failed`, then the total. A suite that did
 * not run (its file is missing) is reported as such, so a short count is never silent.
 *
 * Usage: tsx scripts/test-summary.ts <vitest-json> <playwright-json>
 */
import fs from "node:fs";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function readJson(file: string | undefined): unknown {
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function vitestCounts(report: unknown): Counts | undefined {
  if (typeof report !== "object" || report === null) return undefined;
  const r = report as Record<string, unknown>;
  return {
    passed: count(r.numPassedTests),
    failed: count(r.numFailedTests),
    skipped: count(r.numPendingTests) + count(r.numTodoTests),
  };
}

function playwrightCounts(report: unknown): Counts | undefined {
  if (typeof report !== "object" || report === null) return undefined;
  const stats = (report as Record<string, unknown>).stats;
  if (typeof stats !== "object" || stats === null) return undefined;
  const s = stats as Record<string, unknown>;
  // A test that passed only on a retry counts as failed: retries hide bugs.
  return {
    passed: count(s.expected),
    failed: count(s.unexpected) + count(s.flaky),
    skipped: count(s.skipped),
  };
}

function line(label: string, counts: Counts): string {
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : "";
  return `${label}: ${counts.passed} passed, ${counts.failed} failed${skipped}`;
}

const [unitFile, e2eFile] = process.argv.slice(2);
const suites: [string, Counts | undefined][] = [
  ["unit", vitestCounts(readJson(unitFile))],
  ["e2e", playwrightCounts(readJson(e2eFile))],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [label, counts] of suites) {
  if (!counts) {
    console.log(`${label}: did not run`);
    continue;
  }
  console.log(line(label, counts));
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(line("tests", total));
