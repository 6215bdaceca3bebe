import { secretHash } from "@/lib/crypto/secret-hash";
import { counterLimiter } from "./counter-store";
import { FAILURE_BUDGETS, type FailureBudgetName } from "./limit-catalogue";

/** A budget's state: spent (refuse, for `retryAfterSeconds`) or not. */
export type BudgetState = { spent: false } | { spent: true; retryAfterSeconds: number };

const NOT_SPENT: BudgetState = { spent: false };

/** Counters are keyed by a keyed hash: the store never holds the email, address or client ID. */
function counterKey(subject: string): string {
  return secretHash(`limit\u0000${subject}`).slice(0, 40);
}

function limiterOf(name: FailureBudgetName) {
  const budget = FAILURE_BUDGETS[name];
  return counterLimiter(name, budget.points, budget.windowSeconds);
}

function retryAfter(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** Whether a budget is spent, without spending any of it. */
export async function budgetState(name: FailureBudgetName, subject: string): Promise<BudgetState> {
  const state = await (await limiterOf(name)).get(counterKey(subject));
  if (!state || state.consumedPoints < FAILURE_BUDGETS[name].points) return NOT_SPENT;
  return { spent: true, retryAfterSeconds: retryAfter(state.msBeforeNext) };
}

/**
 * Spends one failure; the state after it. `spent` means this failure went beyond the budget,
 * so the answer to it is already 429 rather than the usual refusal.
 */
export async function spendBudget(name: FailureBudgetName, subject: string): Promise<BudgetState> {
  const state = await (await limiterOf(name)).penalty(counterKey(subject), 1);
  if (state.consumedPoints <= FAILURE_BUDGETS[name].points) return NOT_SPENT;
  return { spent: true, retryAfterSeconds: retryAfter(state.msBeforeNext) };
}

/** The first spent budget among several checked together, or not spent. */
export async function firstSpent(
  checks: ReadonlyArray<readonly [FailureBudgetName, string]>,
  read: (name: FailureBudgetName, subject: string) => Promise<BudgetState> = budgetState,
): Promise<BudgetState> {
  const states = await Promise.all(checks.map(([name, subject]) => read(name, subject)));
  let longest: BudgetState = NOT_SPENT;
  for (const state of states) {
    if (state.spent && (!longest.spent || state.retryAfterSeconds > longest.retryAfterSeconds))
      longest = state;
  }
  return longest;
}

/** Spends one failure from each budget; spent if any of them is now beyond its budget. */
export function spendBudgets(
  checks: ReadonlyArray<readonly [FailureBudgetName, string]>,
): Promise<BudgetState> {
  return firstSpent(checks, spendBudget);
}

/** Forgets a budget's failures (a trusted source that proved itself). */
export async function resetBudget(name: FailureBudgetName, subject: string): Promise<void> {
  await (await limiterOf(name)).delete(counterKey(subject));
}
