import { z } from "zod";
import { isPrintableLine, isPrintableText, NO_CONTROL_CHARACTERS } from "@/lib/validation/text-fields";

/** Zod fields shared by the resource schemas: bodies and list filters. */

/** An ISO 8601 date-time with a zone ("Z" or an offset), read as a Date. */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: "Must be an ISO 8601 date-time with a time zone" })
  .transform((value) => new Date(value));

export const referenceId = z.uuid({ error: "Must be a UUID" });

/** A longer free text (descriptions of cases and the like). */
export const longText = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(max, `Must be ${max} characters or fewer`)
        .refine(isPrintableText, NO_CONTROL_CHARACTERS),
    );

/** An identifier people type: case numbers, serials. Printable, no spaces at either end. */
export const codeText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be ${max} characters or fewer`)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/#:-]*$/u, `${label} may contain letters, digits and . _ / # : -`);

export const enumOf = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: `Must be one of: ${values.join(", ")}` });

// List filters (query parameters, so strings on the way in).

export const searchFilter = z
  .string()
  .trim()
  .min(1, "Must not be empty")
  .max(200, "Must be 200 characters or fewer")
  .refine(isPrintableLine, NO_CONTROL_CHARACTERS)
  .optional();

/** An exact-match filter value (a serial, a media type, a role name). */
export const exactFilter = (max: number) =>
  z
    .string()
    .max(max, `Must be ${max} characters or fewer`)
    .refine(isPrintableLine, NO_CONTROL_CHARACTERS)
    .optional();

export const booleanFilter = z
  .enum(["true", "false"], { error: "Must be true or false" })
  .transform((value) => value === "true")
  .optional();

export const idFilter = referenceId.optional();

export const dateTimeFilter = isoDateTime.optional();
