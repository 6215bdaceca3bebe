/**
 * The shape of public client IDs, apart from their generation (./client-id.ts), so that the
 * shared zod schemas stay free of node:crypto and the browser bundles no crypto polyfill.
 */
export const CLIENT_ID_PREFIX = "lkc_";
export const CLIENT_ID_PATTERN = /^lkc_[0-9A-Za-z]{24}$/;

export function isWellFormedClientId(value: unknown): value is string {
  return typeof value === "string" && CLIENT_ID_PATTERN.test(value);
}
