/**
 * Every limit Latchkey enforces, declared once. Failure budgets bound guessing: each counts
 * wrong credentials in a fixed window and, once spent, refuses with 429 and Retry-After until
 * the window ends. The request rate bounds how often one caller may call /api/v1.
 */
export const FAILURE_BUDGETS = {
  /** Wrong secrets, tokens or keys of any kind from one address (IPv6 counted per /64). */
  secretPerAddress: { points: 50, windowSeconds: 300 },
  /** Wrong secrets for one client from one address: the token endpoint and api-key/api-secret alike. */
  secretPerClientAndAddress: { points: 10, windowSeconds: 300 },
  /** Wrong secrets for one client from anywhere; a right secret is never refused by it. */
  secretPerClient: { points: 200, windowSeconds: 300 },
  /** Wrong passwords for one account from sources it has not proved itself from (console and Basic). */
  passwordPerAccount: { points: 10, windowSeconds: 900 },
  /** Wrong passwords for one account from one of its trusted sources (a browser it signed in on, an address Basic worked from). */
  passwordPerTrustedSource: { points: 10, windowSeconds: 900 },
  /** Wrong passwords for any account from one untrusted address. Higher: offices share addresses. */
  passwordPerAddress: { points: 30, windowSeconds: 900 },
} as const satisfies Record<string, { points: number; windowSeconds: number }>;

export type FailureBudgetName = keyof typeof FAILURE_BUDGETS;

/** The /api/v1 request rate: per caller, in a fixed window. */
export const REQUEST_RATE_WINDOW_SECONDS = 60;
export const REQUEST_RATE_ENV = "LATCHKEY_API_REQUESTS_PER_MINUTE";
export const DEFAULT_REQUESTS_PER_MINUTE = 1200;
/** The most a client's own setting may allow. */
export const MAX_REQUESTS_PER_MINUTE = 1_000_000;

let warnedAbout: string | undefined;

/** The installation's default request rate per caller (LATCHKEY_API_REQUESTS_PER_MINUTE). */
export function defaultRequestsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env[REQUEST_RATE_ENV]?.trim();
  if (!raw) return DEFAULT_REQUESTS_PER_MINUTE;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 1 && value <= MAX_REQUESTS_PER_MINUTE) return value;
  if (warnedAbout !== raw) {
    console.warn(
      `${REQUEST_RATE_ENV}="${raw}" is not a whole number from 1 to ${MAX_REQUESTS_PER_MINUTE}; using ${DEFAULT_REQUESTS_PER_MINUTE}.`,
    );
  }
  warnedAbout = raw;
  return DEFAULT_REQUESTS_PER_MINUTE;
}

const minutes = (seconds: number) => `${seconds / 60} minutes`;

/** What a method's failure budget allows, in words, for the reference page. */
export function failureBudgetSummary(bucket: "secret" | "password"): string {
  const budgets = FAILURE_BUDGETS;
  if (bucket === "password") {
    return `${budgets.passwordPerAccount.points} wrong passwords per account and ${budgets.passwordPerAddress.points} per address in ${minutes(budgets.passwordPerAccount.windowSeconds)}; a browser or address the account signed in from before has ${budgets.passwordPerTrustedSource.points} of its own.`;
  }
  return `${budgets.secretPerAddress.points} wrong credentials per address in ${minutes(budgets.secretPerAddress.windowSeconds)}; for a named client also ${budgets.secretPerClientAndAddress.points} per address and ${budgets.secretPerClient.points} in all. A right secret is never refused.`;
}
