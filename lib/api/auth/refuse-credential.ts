import type { RequestOrigin } from "@/lib/audit/security-event";
import { recordSecretFailure } from "@/lib/limits/secret-guessing";
import { invalidTokenProblem, tooManyAttemptsProblem } from "./api-auth-errors";
import type { AuthenticationMethod } from "./method-catalogue";
import { type CredentialRefusal, recordCredentialRefusal } from "./record-credential-refusal";

/**
 * Refuses a wrong high-entropy credential after spending its failure budgets: 401 with the
 * reason, or 429 with Retry-After once the address (or the named client) has guessed too often.
 * Either is recorded: the 401 each time (the budget bounds how often), the 429s as one event
 * and a count per address and minute — whoever they name — since nothing else bounds them.
 */
export async function refuseWrongCredential(
  origin: RequestOrigin,
  description: string,
  method: AuthenticationMethod,
  refusal: CredentialRefusal,
  clientId?: string,
): Promise<never> {
  const budget = await recordSecretFailure(origin.ip, clientId);
  if (budget.spent) {
    const { presentedClient, ...rest } = refusal;
    recordCredentialRefusal(
      origin,
      method,
      {
        ...rest,
        reason: "rate_limited",
        ...(presentedClient ? { presentedClient: { clientId: presentedClient.clientId } } : {}),
        details: { ...rest.details, retryAfterSeconds: budget.retryAfterSeconds },
      },
      { repeatsOf: [] },
    );
    throw tooManyAttemptsProblem(budget.retryAfterSeconds);
  }
  recordCredentialRefusal(origin, method, refusal);
  throw invalidTokenProblem(description);
}
