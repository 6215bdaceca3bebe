import { getDb } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";
import { type PasswordSource, passwordAttemptAllowance } from "@/lib/limits/password-guessing";
import { trustedDeviceFor } from "./device-cookie";

export type SignInAllowance = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * Where a console sign-in comes from: a browser whose device cookie proves it signed in to this
 * account before (its own failure budget), or anywhere else (the account's and the address's).
 */
export function signInSource(email: string, ip: string, deviceCookie: string | undefined): PasswordSource {
  const deviceId = trustedDeviceFor(deviceCookie, email);
  return deviceId ? { trusted: true, id: `device:${deviceId}` } : { trusted: false, ip };
}

/** Whether another sign-in may be tried for this email from this source, and if not for how long. */
export async function checkSignInAllowance(email: string, source: PasswordSource): Promise<SignInAllowance> {
  const budget = await passwordAttemptAllowance(email, source);
  if (!budget.spent) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(budget.retryAfterSeconds / 60)) };
}

/** Keeps the history of console sign-ins (who, from where, whether it worked). */
export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  const db = await getDb();
  await db.insert(signInAttempts).values({ email, ip, succeeded });
}
