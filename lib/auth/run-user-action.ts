import type { z } from "zod";
import { type ActionState, FieldError, FormError, failure } from "@/lib/forms/action-state";
import { fieldErrorsOf } from "@/lib/forms/field-errors-of";
import { type ConsoleUser, loadConsoleUser, type SessionClaims } from "./console-user";
import { SESSION_ENDED } from "./run-admin-action";

/**
 * The gate of console mutations any signed-in user may make on their own things (personal
 * tokens, their legacy key): re-checks the session and that the user is active, validates
 * with the form's zod schema, then runs. Handlers must scope every query to the user and
 * `user.organization.id`; anything administrative goes through runAdminAction instead.
 */
export async function runUserAction<TSchema extends z.ZodType, TData>(
  claims: SessionClaims | null,
  schema: TSchema,
  input: unknown,
  handler: (user: ConsoleUser, values: z.output<TSchema>) => Promise<TData>,
): Promise<ActionState<TData>> {
  const user = claims ? await loadConsoleUser(claims) : null;
  if (!user) return failure(SESSION_ENDED);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return failure("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  try {
    return { ok: true, data: await handler(user, parsed.data) };
  } catch (error) {
    if (error instanceof FieldError)
      return failure("Check the highlighted fields.", { [error.field]: error.message });
    if (error instanceof FormError) return failure(error.message);
    throw error;
  }
}
