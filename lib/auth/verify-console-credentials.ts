import { eq } from "drizzle-orm";
import { decoyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { recordPasswordFailure } from "@/lib/limits/password-guessing";
import { checkSignInAllowance, recordSignInAttempt, signInSource } from "./sign-in-limits";

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

export function normalizeEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

/**
 * Checks a console sign-in. Unknown emails, users without a password and deactivated users
 * all cost one password verification and give the same answer as a wrong password. Failures
 * spend the password budgets HTTP Basic spends too (per account, or per trusted browser when
 * `deviceCookie` proves one, and per address), checked before the password is.
 */
export async function verifyConsoleCredentials(
  rawEmail: string,
  password: string,
  ip: string,
  deviceCookie?: string,
): Promise<CredentialCheck> {
  const email = normalizeEmail(rawEmail).slice(0, 320);
  const source = signInSource(email, ip, deviceCookie);
  const allowance = await checkSignInAllowance(email, source);
  if (!allowance.allowed)
    return { ok: false, reason: "rate_limited", retryAfterMinutes: allowance.retryAfterMinutes };

  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  const passwordMatches = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    password.slice(0, 1024),
  );
  const succeeded = Boolean(user?.passwordHash && user.active && passwordMatches);
  await recordSignInAttempt(email, ip, succeeded);
  if (!user || !succeeded) {
    await recordPasswordFailure(email, source);
    return { ok: false, reason: "invalid" };
  }

  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}
