import { startConsoleSession } from "@/lib/auth/console-sessions";
import { type ConsoleUser, loadConsoleUser, type SessionClaims } from "@/lib/auth/console-user";
import { getDb } from "@/lib/db/client";

/** Signs a user in as the console does (a live server-side session) and returns the session's claims. */
export async function signedInClaims(
  user: { id: string; sessionVersion: number },
  ip = "192.0.2.1",
): Promise<SessionClaims> {
  const sessionId = await startConsoleSession(await getDb(), user.id);
  if (!sessionId) throw new Error(`user ${user.id} could not sign in (inactive or missing)`);
  return { userId: user.id, sessionId, sessionVersion: user.sessionVersion, ip };
}

/** The console user of a fresh sign-in, as pages and actions see them. */
export async function signedInUser(
  user: { id: string; sessionVersion: number },
  ip?: string,
): Promise<ConsoleUser> {
  const loaded = await loadConsoleUser(await signedInClaims(user, ip));
  if (!loaded) throw new Error(`user ${user.id} could not be loaded`);
  return loaded;
}
