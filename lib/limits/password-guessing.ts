import { addressBucket } from "@/lib/net/address-bucket";
import { type BudgetState, firstSpent, spendBudgets } from "./failure-budgets";
import type { FailureBudgetName } from "./limit-catalogue";

/**
 * Where a password attempt comes from, for OWASP's device-cookie pattern: a source the
 * account proved itself from before (a browser holding the account's device cookie, an
 * address HTTP Basic succeeded from) keeps a budget of its own; every other source shares the
 * account's budget and its address's. So guesses from anywhere are bounded per account,
 * rotating addresses does not help, and the owner's trusted browser is not locked out.
 */
export type PasswordSource = { trusted: true; id: string } | { trusted: false; ip: string };

function passwordBudgets(email: string, source: PasswordSource) {
  if (source.trusted) {
    return [["passwordPerTrustedSource", `${email}|${source.id}`]] as Array<
      readonly [FailureBudgetName, string]
    >;
  }
  return [
    ["passwordPerAccount", email],
    ["passwordPerAddress", addressBucket(source.ip)],
  ] as Array<readonly [FailureBudgetName, string]>;
}

/** Whether a password may be tried now; checked before the password is, so a locked one learns nothing. */
export function passwordAttemptAllowance(email: string, source: PasswordSource): Promise<BudgetState> {
  return firstSpent(passwordBudgets(email, source));
}

/** Records a refused attempt — a wrong password, or a right one that may not be used here. */
export function recordPasswordFailure(email: string, source: PasswordSource): Promise<BudgetState> {
  return spendBudgets(passwordBudgets(email, source));
}
