import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { roles, users } from "@/lib/db/schema";
import { searchCondition } from "@/lib/db/text-search";
import type { UserListQuery } from "./user-schemas";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  roleId: string;
  roleName: string;
  active: boolean;
  canSignIn: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  roleId: users.roleId,
  roleName: roles.name,
  active: users.active,
  passwordHash: users.passwordHash,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

function toUserRow({
  passwordHash,
  ...row
}: { passwordHash: string | null } & Omit<UserRow, "canSignIn">): UserRow {
  return { ...row, canSignIn: passwordHash !== null };
}

const SORTS = {
  name: users.name,
  email: users.email,
  role: roles.name,
  status: users.active,
  created: users.createdAt,
} as const;

/** One page of the organization's users, searched and sorted by the database. */
export async function listUsers(executor: Executor, organizationId: string, query: UserListQuery) {
  const filters: SQL[] = [eq(users.organizationId, organizationId)];
  const search = searchCondition(query.q.trim(), [users.name, users.email]);
  if (search) filters.push(search);
  const where = and(...filters);
  const direction = query.dir === "desc" ? desc : asc;
  const [rows, [total]] = await Promise.all([
    executor
      .select(userColumns)
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(where)
      .orderBy(direction(SORTS[query.sort]), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ total: count() }).from(users).where(where),
  ]);
  return { rows: rows.map(toUserRow), total: total?.total ?? 0 };
}

export async function findUser(
  executor: Executor,
  organizationId: string,
  userId: string,
): Promise<UserRow | null> {
  const [row] = await executor
    .select(userColumns)
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
    .limit(1);
  return row ? toUserRow(row) : null;
}
