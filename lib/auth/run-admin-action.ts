import type { z } from "zod";
import { type ActionState, FieldError, FormError, failure } from "@/lib/forms/action-state";
import { fieldErrorsOf } from "@/lib/forms/field-errors-of";
import { type ConsoleUser, loadConsoleUser, type SessionClaims } from "./console-user";

export const SESSION_ENDED = "Your session has ended. Sign in again.";
export const NOT_AN_ADMIN = "You do not have permission to change administration settings.";

/**
 * The one gate of every console mutation: re-checks the session, the user's organization and
 * console-admin role on the server, validates with the form's own zod schema, then runs.
 * Handlers receive the admin and must scope every query to `admin.organization.id`.
 */
export async function runAdminAction<TSchema extends z.ZodType, TData>(
  claims: SessionClaims | null,
  schema: TSchema,
  input: unknown,
  handler: (admin: ConsoleUser, values: z.output<TSchema>) => Promise<TData>,
): Promise<ActionState<TData>> {
  const admin = claims ? await loadConsoleUser(claims) : null;
  if (!admin) return failure(SESSION_ENDED);
  if (!admin.role.consoleAdmin) return failure(NOT_AN_ADMIN);

  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return failure("Check the highlighted fields.", fieldErrors);
  }
  try {
    return { ok: true, data: await handler(admin, parsed.data) };
  } catch (error) {
    if (error instanceof FieldError)
      return failure("Check the highlighted fields.", { [error.field]: error.message });
    if (error instanceof FormError) return failure(error.message);
    throw error;
  }
}
