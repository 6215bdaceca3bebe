import { addressBucket } from "@/lib/net/address-bucket";
import { type BudgetState, spendBudgets } from "./failure-budgets";
import type { FailureBudgetName } from "./limit-catalogue";

/**
 * Wrong high-entropy credentials — client secrets (at the token endpoint and in api-key/api-secret
 * headers alike), access tokens, personal tokens, legacy keys — spend the address's budget and,
 * when the client is named, that client's budgets. They are checked after the credential (a
 * keyed-hash look-up, nothing to learn from its timing), so a right secret is never refused
 * because someone else guessed wrong: once spent, only the wrong ones are answered 429.
 */
function secretFailureBudgets(ip: string, clientId: string | undefined) {
  const bucket = addressBucket(ip);
  const budgets: Array<readonly [FailureBudgetName, string]> = [["secretPerAddress", bucket]];
  if (clientId) {
    budgets.push(["secretPerClientAndAddress", `${clientId}|${bucket}`], ["secretPerClient", clientId]);
  }
  return budgets;
}

/** Records one wrong credential; spent means it is answered 429 rather than 401. */
export function recordSecretFailure(ip: string, clientId?: string): Promise<BudgetState> {
  return spendBudgets(secretFailureBudgets(ip, clientId));
}
