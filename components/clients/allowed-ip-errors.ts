export interface EntryError {
  line: number;
  message: string;
}

function messageOf(value: unknown): string | undefined {
  if (value && typeof value === "object" && "message" in value && typeof value.message === "string") {
    return value.message;
  }
  return undefined;
}

/**
 * Splits the field's error into the list-level message and one message per bad entry.
 * Entry issues sit at ["allowedIps", index] (the 0-based line); react-hook-form nests them as
 * allowedIps[index], and puts a list-level message beside them as allowedIps.root.
 */
export function allowedIpErrorsOf(error: unknown): { list?: string; entries: EntryError[] } {
  if (!error || typeof error !== "object") return { entries: [] };
  const list = messageOf(error) ?? messageOf((error as { root?: unknown }).root);
  const entries: EntryError[] = [];
  for (const [key, value] of Object.entries(error)) {
    const message = /^\d+$/.test(key) ? messageOf(value) : undefined;
    if (message) entries.push({ line: Number(key) + 1, message });
  }
  entries.sort((a, b) => a.line - b.line);
  return { list, entries };
}
