import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { organizations, type Plan, roles, users } from "@/lib/db/schema";

/** What a console session carries: who, and which version of their sessions is current. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** The client address the server decided for this request. */
  ip: string;
}

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  ip: string;
  organization: { id: string; name: string; partnerId: string; plan: Plan };
  role: { id: string; name: string; consoleAdmin: boolean };
}

/**
 * Loads the signed-in user afresh from the database on every request, so that deactivation,
 * a role change or a bumped session version takes effect at once.
 */
export async function loadConsoleUser(claims: SessionClaims): Promise<ConsoleUser | null> {
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
    .where(and(eq(users.id, claims.userId), eq(users.active, true)))
    .limit(1);
  if (!row || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    ip: claims.ip,
    organization: row.organization,
    role: row.role,
  };
}
