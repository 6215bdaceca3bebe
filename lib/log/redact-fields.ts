import { describeError } from "./describe-error";
import { scrubText } from "./scrub-text";

export const REDACTED = "[REDACTED]";

/**
 * Field names whose values are secrets wherever they appear, compared without case or
 * punctuation (`api-secret`, `client_secret`, `Set-Cookie`): a name that is one of these, or
 * ends with one (`newPassword`, `passwordHash`, `x-api-key`, `accessTokens`).
 */
const SECRET_NAME_ENDINGS = [
  "authorization",
  "secret",
  "password",
  "passwd",
  "passphrase",
  "token",
  "cookie",
  "apikey",
  "privatekey",
  "pepper",
  "hash",
  "signature",
];

export function isSecretFieldName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const singular = normalized.endsWith("s") ? normalized.slice(0, -1) : normalized;
  return SECRET_NAME_ENDINGS.some((ending) => singular.endsWith(ending) || normalized.endsWith(ending));
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/**
 * A copy of what is about to be logged with secrets taken out: values of secret-named fields
 * replaced, secrets in text scrubbed, errors described (never serialized as they are: a
 * drizzle error's own fields carry every query parameter), binary data summarized.
 */
export function redactFields(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return describeError(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof URL) return scrubText(value.toString());
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH || seen.has(value)) return "[…]";
  seen.add(value);
  if (Array.isArray(value))
    return value.slice(0, MAX_ITEMS).map((item) => redactFields(item, depth + 1, seen));
  const entries: Iterable<[string, unknown]> =
    value instanceof Headers || value instanceof Map
      ? (value.entries() as Iterable<[string, unknown]>)
      : Object.entries(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    copy[key] = isSecretFieldName(key) ? REDACTED : redactFields(item, depth + 1, seen);
  }
  return copy;
}
