/**
 * What became of a request, as usage counts it: the catalogue every rollup, chart, legend and
 * table reads, in the order charts stack them. `allowed` means the caller got past every
 * access decision (what the resource then answered — 200, 404, 422 — is not an access matter).
 */
export const USAGE_OUTCOMES = [
  "allowed",
  "insufficient_scope",
  "address_not_allowed",
  "rate_limited",
  "invalid_credentials",
  "not_in_plan",
] as const;

export type UsageOutcome = (typeof USAGE_OUTCOMES)[number];

export const USAGE_OUTCOME_LABELS: Record<UsageOutcome, string> = {
  allowed: "Allowed",
  insufficient_scope: "Insufficient scope",
  address_not_allowed: "Address not allowed",
  rate_limited: "Rate limited",
  invalid_credentials: "Invalid credentials",
  not_in_plan: "Not in plan",
};

/** Every outcome but `allowed`. */
export const REFUSAL_OUTCOMES = USAGE_OUTCOMES.filter((outcome) => outcome !== "allowed");

export function isUsageOutcome(value: string): value is UsageOutcome {
  return (USAGE_OUTCOMES as readonly string[]).includes(value);
}

/** The two endpoints usage counts: /api/v1 and the OAuth token endpoint. */
export const USAGE_ENDPOINTS = ["api", "token"] as const;
export type UsageEndpoint = (typeof USAGE_ENDPOINTS)[number];

/** Counts per outcome, every outcome present. */
export type OutcomeCounts = Record<UsageOutcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return Object.fromEntries(USAGE_OUTCOMES.map((outcome) => [outcome, 0])) as OutcomeCounts;
}

export function totalOf(counts: OutcomeCounts): number {
  return USAGE_OUTCOMES.reduce((total, outcome) => total + counts[outcome], 0);
}

export function refusedOf(counts: OutcomeCounts): number {
  return totalOf(counts) - counts.allowed;
}
