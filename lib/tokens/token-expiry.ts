/**
 * The token expiration policy of an organization and what it means for one token.
 *
 * Tightening the policy never extends anything, and applies to existing tokens at once:
 * a token's expiry in force is the earlier of its own expiry and `created_at + maximum`;
 * a token made without an expiry keeps none only while unexpiring tokens are allowed,
 * otherwise it too ends at `created_at + maximum`. Loosening the policy again restores
 * a capped token up to (never beyond) its own stored expiry.
 */
export interface TokenPolicy {
  defaultTokenExpirationDays: number;
  maxTokenExpirationDays: number;
  allowUnexpiringTokens: boolean;
}

const DAY_MS = 86_400_000;
export const EXPIRES_SOON_DAYS = 7;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The expiry in force for a token under the current policy; null means it does not expire. */
export function effectiveTokenExpiry(
  token: { createdAt: Date; expiresAt: Date | null },
  policy: Pick<TokenPolicy, "maxTokenExpirationDays" | "allowUnexpiringTokens">,
): Date | null {
  const cap = addDays(token.createdAt, policy.maxTokenExpirationDays);
  if (token.expiresAt === null) return policy.allowUnexpiringTokens ? null : cap;
  return token.expiresAt.getTime() <= cap.getTime() ? token.expiresAt : cap;
}

export function isExpired(expiry: Date | null, now: Date = new Date()): boolean {
  return expiry !== null && expiry.getTime() <= now.getTime();
}

/** Live and ending within the next seven days: flagged in lists and on the dashboard. */
export function expiresSoon(expiry: Date | null, now: Date = new Date()): boolean {
  return (
    expiry !== null &&
    !isExpired(expiry, now) &&
    expiry.getTime() - now.getTime() <= EXPIRES_SOON_DAYS * DAY_MS
  );
}

/** What a user may choose as a new token's lifetime: a number of days, or none. */
export type ExpirationChoice = number | "never";

/** The reason a choice is refused under the policy, or null when it is allowed. */
export function expirationChoiceRefusal(choice: ExpirationChoice, policy: TokenPolicy): string | null {
  if (choice === "never") {
    return policy.allowUnexpiringTokens
      ? null
      : "Your organization does not allow tokens without an expiration";
  }
  if (!Number.isInteger(choice) || choice < 1) return "Choose an expiration of at least 1 day";
  if (choice > policy.maxTokenExpirationDays) {
    return `Tokens may last at most ${policy.maxTokenExpirationDays} days`;
  }
  return null;
}

export function expiryOf(choice: ExpirationChoice, now: Date = new Date()): Date | null {
  return choice === "never" ? null : addDays(now, choice);
}

/**
 * The lifetime a recreated token gets: the old token's own lifetime, brought within today's
 * policy (never longer than the maximum; unexpiring only while that is allowed).
 */
export function recreatedLifetime(
  token: { createdAt: Date; expiresAt: Date | null },
  policy: TokenPolicy,
): ExpirationChoice {
  if (token.expiresAt === null) return policy.allowUnexpiringTokens ? "never" : policy.maxTokenExpirationDays;
  const days = Math.max(1, Math.round((token.expiresAt.getTime() - token.createdAt.getTime()) / DAY_MS));
  return Math.min(days, policy.maxTokenExpirationDays);
}

/** The lifetimes offered in the Expiration list, within the maximum, the default first among equals. */
export function expirationOptions(policy: TokenPolicy): ExpirationChoice[] {
  const presets = [7, 30, 60, 90, 180, 365, policy.defaultTokenExpirationDays, policy.maxTokenExpirationDays];
  const days = [...new Set(presets)]
    .filter((value) => value <= policy.maxTokenExpirationDays)
    .sort((a, b) => a - b);
  return policy.allowUnexpiringTokens ? [...days, "never"] : days;
}
