/** The one shape every console server action returns; forms map it onto their fields. */
export type ActionState<TData = undefined> =
  | { ok: true; data: TData; fieldErrors?: undefined; formError?: undefined }
  | { ok: false; data?: undefined; fieldErrors: Record<string, string>; formError?: string };

/** A domain failure that belongs to one field of the submitted form. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

/** A domain failure that belongs to the form as a whole (e.g. the target no longer exists). */
export class FormError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormError";
  }
}

export function failure(formError: string, fieldErrors: Record<string, string> = {}): ActionState<never> {
  return { ok: false, fieldErrors, formError };
}
