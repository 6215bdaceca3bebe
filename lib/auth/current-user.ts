import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { trustedClientAddress } from "@/lib/net/trusted-client-address";
import { auth } from "./auth";
import { endConsoleSession } from "./console-sessions";
import { type ConsoleUser, loadConsoleUser, type SessionClaims } from "./console-user";
import { runAdminAction } from "./run-admin-action";
import { runUserAction } from "./run-user-action";

/** The client address Latchkey's server decided, or "unknown" outside it. */
export async function currentClientAddress(): Promise<string> {
  return trustedClientAddress(await headers());
}

/** The session's claims for this request, or null when no one is signed in. */
export const currentSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  return {
    userId: session.user.id,
    sessionId: session.sessionId,
    sessionVersion: session.sessionVersion,
    ip: await currentClientAddress(),
    userAgent: (await headers()).get("user-agent"),
  };
});

/**
 * Ends the signed-in session on the server, so that a copy of its cookie stops working. Called
 * by sign-out before the cookie is cleared; a database failure surfaces instead of leaving a
 * live session behind a cleared cookie.
 */
export async function endCurrentSession(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await endConsoleSession(await getDb(), session.sessionId, "signed_out");
}

/** The signed-in user, loaded fresh once per request. */
export const getCurrentUser = cache(async (): Promise<ConsoleUser | null> => {
  const claims = await currentSessionClaims();
  return claims ? loadConsoleUser(claims) : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<ConsoleUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For admin pages: a console administrator, or the 403 page. */
export async function requireAdmin(): Promise<ConsoleUser> {
  const user = await requireUser();
  if (!user.role.consoleAdmin) forbidden();
  return user;
}

/** Builds a server action that passes the admin gate before running `handler`. */
export function adminAction<TSchema extends z.ZodType, TData>(
  schema: TSchema,
  handler: (admin: ConsoleUser, values: z.output<TSchema>) => Promise<TData>,
): (input: unknown) => Promise<ActionState<TData>> {
  return async (input) => runAdminAction(await currentSessionClaims(), schema, input, handler);
}

/** Builds a server action any signed-in, active user may call, for their own things only. */
export function userAction<TSchema extends z.ZodType, TData>(
  schema: TSchema,
  handler: (user: ConsoleUser, values: z.output<TSchema>) => Promise<TData>,
): (input: unknown) => Promise<ActionState<TData>> {
  return async (input) => runUserAction(await currentSessionClaims(), schema, input, handler);
}
