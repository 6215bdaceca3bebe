import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { consoleSessions, users } from "@/lib/db/schema";

/** A console session ends this long after sign-in, however active its user has been. */
export const SESSION_ABSOLUTE_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Ended and expired sessions are kept this long (for investigation), then pruned at sign-in. */
const ENDED_SESSIONS_KEPT_DAYS = 30;

export type SessionEndReason = "signed_out" | "user_deactivated";

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for something that can be a session ID (the cookie is ours, but never trust a shape). */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

/**
 * Records a sign-in of an active user and returns the session's ID for the cookie, or null
 * when the user is gone or inactive. Also prunes the user's long-finished sessions.
 */
export async function startConsoleSession(executor: Executor, userId: string): Promise<string | null> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
  return executor.transaction(async (tx) => {
    const [user] = await tx
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)));
    if (!user) return null;
    const [session] = await tx
      .insert(consoleSessions)
      .values({ organizationId: user.organizationId, userId, createdAt: now, expiresAt })
      .returning({ id: consoleSessions.id });
    const pruneBefore = new Date(now.getTime() - ENDED_SESSIONS_KEPT_DAYS * 24 * 60 * 60 * 1000);
    await tx
      .delete(consoleSessions)
      .where(and(eq(consoleSessions.userId, userId), lt(consoleSessions.expiresAt, pruneBefore)));
    return session?.id ?? null;
  });
}

/** Ends one session (sign-out); ending an ended session changes nothing. */
export async function endConsoleSession(
  executor: Executor,
  sessionId: string,
  reason: SessionEndReason,
): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await executor
    .update(consoleSessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(consoleSessions.id, sessionId), isNull(consoleSessions.endedAt)));
}

/** Ends every live session of a user, inside the caller's transaction; returns how many. */
export async function endUserConsoleSessions(
  executor: Executor,
  organizationId: string,
  userId: string,
  reason: SessionEndReason,
): Promise<number> {
  const now = new Date();
  const ended = await executor
    .update(consoleSessions)
    .set({ endedAt: now, endReason: reason })
    .where(
      and(
        eq(consoleSessions.organizationId, organizationId),
        eq(consoleSessions.userId, userId),
        isNull(consoleSessions.endedAt),
        gt(consoleSessions.expiresAt, now),
      ),
    )
    .returning({ id: consoleSessions.id });
  return ended.length;
}

/** The join condition of a live session: this one, of this user, not ended, not expired. */
export function liveSessionOf(sessionId: string, userId: typeof users.id) {
  return and(
    eq(consoleSessions.id, sessionId),
    eq(consoleSessions.userId, userId),
    isNull(consoleSessions.endedAt),
    gt(consoleSessions.expiresAt, new Date()),
  );
}
