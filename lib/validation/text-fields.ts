import { z } from "zod";

// Control characters (C0, DEL, C1) and Unicode bidi overrides never belong in a name.
const CONTROL_CHARACTERS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
export const NO_CONTROL_CHARACTERS = "Must not contain control characters";

/** True for text without control characters other than line breaks and tabs (PostgreSQL refuses NUL). */
export function isPrintableText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value.replace(/[\n\r\t]/g, ""));
}

/** True for a single line without any control character. */
export function isPrintableLine(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

// Format characters (zero-width space, joiners, word joiner, BOM, soft hyphen, tags…) print
// as nothing, so "Billing" and "Bill\u200bing" would be two clients that look the same.
const FORMAT_CHARACTERS = /\p{Cf}/u;

/** True for text without invisible format characters (Unicode category Cf). */
export function hasNoFormatCharacters(value: string): boolean {
  return !FORMAT_CHARACTERS.test(value);
}

/**
 * A display name: trimmed, NFC-normalized, 1–100 characters, no control characters and no
 * invisible format characters, so that two names that look the same are the same.
 */
export function displayName(label: string, max = 100) {
  return z
    .string({ error: `${label} is required` })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} must be ${max} characters or fewer`)
        .refine(isPrintableLine, `${label} must not contain control characters`)
        .refine(
          hasNoFormatCharacters,
          `${label} must not contain invisible characters such as zero-width spaces`,
        ),
    );
}

/** A person's name: letters, marks, digits, spaces and the punctuation names use. */
export const personName = displayName("Name").pipe(
  z
    .string()
    .regex(/^[\p{L}\p{M}\p{N} .,'’-]+$/u, "Name may contain letters, numbers, spaces and . , ' - only"),
);

export const emailAddress = z
  .string({ error: "Email is required" })
  .transform((value) => value.normalize("NFC").trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "Email is required")
      .max(254, "Email must be 254 characters or fewer")
      .pipe(z.email("Enter a valid email address")),
  );

export const optionalDescription = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .max(500, "Description must be 500 characters or fewer")
      .refine(isPrintableText, `Description ${NO_CONTROL_CHARACTERS.toLowerCase()}`),
  );
