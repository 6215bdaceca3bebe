import { and, count, eq, gt, min, not } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";

/** Failed console sign-ins allowed in one window before further attempts are refused. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Higher than per account: many people may share one office address. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export type SignInAllowance = { allowed: true } | { allowed: false; retryAfterMinutes: number };

async function failuresSince(
  column: typeof signInAttempts.email | typeof signInAttempts.ip,
  value: string,
  since: Date,
) {
  const db = await getDb();
  const [row] = await db
    .select({ failures: count(), oldest: min(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(and(eq(column, value), gt(signInAttempts.attemptedAt, since), not(signInAttempts.succeeded)));
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null };
}

function minutesUntilWindowEnds(oldest: Date | null, now: Date): number {
  if (!oldest) return SIGN_IN_WINDOW_MINUTES;
  const endsAt = new Date(oldest).getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 60_000));
}

/** Whether another sign-in may be tried for this email from this address. */
export async function checkSignInAllowance(
  email: string,
  ip: string,
  now = new Date(),
): Promise<SignInAllowance> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    failuresSince(signInAttempts.email, email, since),
    failuresSince(signInAttempts.ip, ip, since),
  ]);
  if (byAccount.failures >= MAX_FAILURES_PER_ACCOUNT) {
    return { allowed: false, retryAfterMinutes: minutesUntilWindowEnds(byAccount.oldest, now) };
  }
  if (byAddress.failures >= MAX_FAILURES_PER_ADDRESS) {
    return { allowed: false, retryAfterMinutes: minutesUntilWindowEnds(byAddress.oldest, now) };
  }
  return { allowed: true };
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  const db = await getDb();
  await db.insert(signInAttempts).values({ email, ip, succeeded });
}
