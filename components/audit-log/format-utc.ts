/** A time as the audit log states it, always in UTC: "2026-12-01 10:22:33 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
