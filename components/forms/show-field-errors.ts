import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

/** Puts a server action's field errors on the form's fields, where the user looks for them. */
export function showFieldErrors<TValues extends FieldValues>(
  setError: UseFormSetError<TValues>,
  fieldErrors: Record<string, string>,
): void {
  for (const [field, message] of Object.entries(fieldErrors)) {
    setError(field as FieldPath<TValues>, { message });
  }
}
