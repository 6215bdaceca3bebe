import type { UsageOutcome } from "@/lib/usage/usage-outcomes";

/** A pattern drawn over the outcome's colour: the chart reads without colour too. */
export type OutcomePattern = "solid" | "diagonal" | "dots" | "horizontal" | "crosshatch" | "vertical";

/** How each outcome is drawn: a dark colour (3:1 against white and more) and its own pattern. */
export const OUTCOME_STYLES: Record<UsageOutcome, { color: string; pattern: OutcomePattern }> = {
  allowed: { color: "#047857", pattern: "solid" },
  insufficient_scope: { color: "#b45309", pattern: "diagonal" },
  address_not_allowed: { color: "#6d28d9", pattern: "dots" },
  rate_limited: { color: "#0369a1", pattern: "horizontal" },
  invalid_credentials: { color: "#b91c1c", pattern: "crosshatch" },
  not_in_plan: { color: "#475569", pattern: "vertical" },
};
