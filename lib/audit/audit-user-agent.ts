import { scrubText } from "@/lib/log/scrub-text";

/** Long enough for any real browser or SDK; a longer header is cut, not stored whole. */
const MAX_USER_AGENT_LENGTH = 256;

/**
 * A User-Agent as the audit log keeps it. The header is the caller's own text, so whatever in
 * it looks like a credential (a Latchkey secret, a JWT, a Bearer or Basic value, a digest) is
 * scrubbed as in the logs, control characters go, and it is cut to a bounded length.
 */
export function auditUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const printable = userAgent.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (printable === "") return null;
  return scrubText(printable).slice(0, MAX_USER_AGENT_LENGTH);
}
