/**
 * Faults the fake Axonius can be told to answer with, for one endpoint or all:
 *
 *   `<endpoint>:<fault>[*<times>][@<after>]`
 *
 * - endpoint: `about`, `devices` or `any`;
 * - fault: `401`, `403`, `202`, `500`, `502`, `503`, `429` (with `Retry-After: 1`) or
 *   `429=<seconds>`, `slow=<ms>` (answer normally, that much later), `html` (a 200 web page),
 *   `not-json` (a 200 `text/plain`), `bad-json` (a 200 `application/json` that does not parse),
 *   `wrong-shape` (a 200 JSON array, not what the endpoint returns);
 * - `*<times>`: only the next N matching requests (default: all of them);
 * - `@<after>`: let the first N matching requests through first (fail on page 3: `@2`).
 *
 * Examples: `devices:429=2*1` (one 429 asking for 2 s), `devices:500@2`, `about:slow=20000`.
 */
export type FakeAxoniusEndpoint = "about" | "devices";

export type FakeAxoniusFault =
  | { kind: "status"; status: 202 | 401 | 403 | 500 | 502 | 503 }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "slow"; delayMs: number }
  | { kind: "html" | "not_json" | "bad_json" | "wrong_shape" };

export interface FakeAxoniusFaultRule {
  endpoint: FakeAxoniusEndpoint | "any";
  fault: FakeAxoniusFault;
  times?: number;
  after?: number;
}

const RULE = /^(about|devices|any):([a-z0-9-]+(?:=\d+)?)(?:\*(\d+))?(?:@(\d+))?$/;
const STATUSES = new Set([202, 401, 403, 500, 502, 503]);
const BODIES: Record<string, FakeAxoniusFault> = {
  html: { kind: "html" },
  "not-json": { kind: "not_json" },
  "bad-json": { kind: "bad_json" },
  "wrong-shape": { kind: "wrong_shape" },
};

function parseFault(text: string): FakeAxoniusFault | null {
  const [name = "", value] = text.split("=");
  if (name === "429")
    return { kind: "rate_limited", retryAfterSeconds: value === undefined ? 1 : Number(value) };
  if (name === "slow" && value !== undefined) return { kind: "slow", delayMs: Number(value) };
  if (value !== undefined) return null;
  if (STATUSES.has(Number(name))) {
    return { kind: "status", status: Number(name) as 202 | 401 | 403 | 500 | 502 | 503 };
  }
  return BODIES[name] ?? null;
}

export function parseFaultRule(text: string): FakeAxoniusFaultRule {
  const match = RULE.exec(text.trim());
  const fault = match?.[2] ? parseFault(match[2]) : null;
  if (!match || !fault) {
    throw new Error(
      `Fault "${text}" is not <about|devices|any>:<401|403|202|500|502|503|429[=s]|slow=ms|html|not-json|bad-json|wrong-shape>[*times][@after]`,
    );
  }
  return {
    endpoint: match[1] as FakeAxoniusFaultRule["endpoint"],
    fault,
    ...(match[3] ? { times: Number(match[3]) } : {}),
    ...(match[4] ? { after: Number(match[4]) } : {}),
  };
}

/** Rules with their own counters; `take` returns the fault for this request, if any. */
export class FaultSchedule {
  private rules: Array<FakeAxoniusFaultRule & { seen: number; used: number }> = [];

  set(rules: readonly FakeAxoniusFaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule, seen: 0, used: 0 }));
  }

  take(endpoint: FakeAxoniusEndpoint): FakeAxoniusFault | null {
    let chosen: (typeof this.rules)[number] | undefined;
    for (const rule of this.rules) {
      if (rule.endpoint !== endpoint && rule.endpoint !== "any") continue;
      rule.seen += 1;
      const started = rule.seen > (rule.after ?? 0);
      const spent = rule.times !== undefined && rule.used >= rule.times;
      if (!chosen && started && !spent) chosen = rule;
    }
    if (!chosen) return null;
    chosen.used += 1;
    return chosen.fault;
  }
}
