import { queryName } from "@/lib/db/query-names";

/**
 * Secrets that can hide in free text — an error message, a URL, something a library printed —
 * replaced before the text reaches the log. Field names are handled in redact-fields.ts; this
 * catches what has no field name: Latchkey's own secret formats (lk_cs_, lk_pat_, lk_legacy_),
 * JWTs, credentials after Bearer/Basic, hex digests (the stored HMAC form of secrets), secrets in
 * query strings, and the values drizzle appends to a failed query's message.
 */
const PATTERNS: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  [
    /Failed query: ([\s\S]*?)\nparams: [^\n]*/g,
    (_match, sqlText = "") => `Failed query (${queryName(sqlText)})`,
  ],
  [/\blk_(cs|pat|legacy)_[A-Za-z0-9]+/g, "lk_$1_[REDACTED]"],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[REDACTED JWT]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [REDACTED]"],
  [/\b[0-9a-f]{64}\b/gi, "[REDACTED DIGEST]"],
  [/([?&;](?:client_secret|password|token|access_token|secret|api-secret)=)[^&\s#]*/gi, "$1[REDACTED]"],
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what it removes
const ANSI = /\x1b\[[0-9;]*m/g;

export function scrubText(text: string): string {
  let scrubbed = text.replace(ANSI, "");
  for (const [pattern, replacement] of PATTERNS) {
    scrubbed = scrubbed.replace(pattern, replacement as string);
  }
  return scrubbed;
}
