/** Dates as the API Settings pages show them, formatted on the server (one time zone, no hydration drift). */
export function formatDateTime(date: Date): string {
  return date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}
