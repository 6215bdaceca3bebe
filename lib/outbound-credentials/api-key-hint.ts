/**
 * The characters of an API key kept in clear so that an administrator can recognise it:
 * the first and last four of a key of at least 12 characters, two of a shorter key of at
 * least 8, and none of a shorter one, so that never more than half a key is shown.
 */
export function apiKeyHint(apiKey: string): { start: string; end: string } {
  const characters = [...apiKey];
  const shown = characters.length >= 12 ? 4 : characters.length >= 8 ? 2 : 0;
  if (shown === 0) return { start: "", end: "" };
  return { start: characters.slice(0, shown).join(""), end: characters.slice(-shown).join("") };
}

/** The hint as lists show it: `abcd…wxyz`, or a mask for a key too short to show any of. */
export function formatApiKeyHint(hint: { apiKeyStart: string; apiKeyEnd: string }): string {
  if (hint.apiKeyStart === "" && hint.apiKeyEnd === "") return "••••";
  return `${hint.apiKeyStart}…${hint.apiKeyEnd}`;
}
