import type { z } from "zod";

/** Turns zod issues into one message per field (the first one wins), as forms show them. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
