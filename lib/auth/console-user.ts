import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { consoleSessions, organizations, type Plan, roles, users } from "@/lib/db/schema";
import { isSessionId, liveSessionOf } from "./console-sessions";

/** What a console session carries: who, which server-side session, and which version of their sessions is current. */
export interface SessionClaims {
  userId: string;
  /** The console_sessions row made at sign-in (see ./console-sessions.ts). */
  sessionId: string;
  sessionVersion: number;
  /** The client address the server decided for this request. */
  ip: string;
  /** The browser's User-Agent on this request, for audit entries. */
  userAgent?: string | null;
}

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  ip: string;
  userAgent: string | null;
  organization: { id: string; name: string; partnerId: string; plan: Plan };
  role: { id: string; name: string; consoleAdmin: boolean };
}

/**
 * Loads the signed-in user afresh from the database on every request, in one query with
 * their session, so that sign-out, the session's absolute expiry, deactivation, a role change
 * or a bumped session version takes effect at once.
 */
export async function loadConsoleUser(claims: SessionClaims): Promise<ConsoleUser | null> {
  if (!isSessionId(claims.sessionId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      organization: {
        id: organizations.id,
        name: organizations.name,
        partnerId: organizations.partnerId,
        plan: organizations.plan,
      },
      role: { id: roles.id, name: roles.name, consoleAdmin: roles.consoleAdmin },
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(roles, and(eq(roles.id, users.roleId), eq(roles.organizationId, users.organizationId)))
    .innerJoin(consoleSessions, liveSessionOf(claims.sessionId, users.id))
    .where(and(eq(users.id, claims.userId), eq(users.active, true)))
    .limit(1);
  if (!row || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    ip: claims.ip,
    userAgent: claims.userAgent ?? null,
    organization: row.organization,
    role: row.role,
  };
}
