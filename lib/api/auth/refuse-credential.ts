import { recordSecretFailure } from "@/lib/limits/secret-guessing";
import { invalidTokenProblem, tooManyAttemptsProblem } from "./api-auth-errors";

/**
 * Refuses a wrong high-entropy credential after spending its failure budgets: 401 with the
 * reason, or 429 with Retry-After once the address (or the named client) has guessed too often.
 */
export async function refuseWrongCredential(
  ip: string,
  description: string,
  clientId?: string,
): Promise<never> {
  const budget = await recordSecretFailure(ip, clientId);
  throw budget.spent ? tooManyAttemptsProblem(budget.retryAfterSeconds) : invalidTokenProblem(description);
}
