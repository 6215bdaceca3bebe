import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { UsersTable } from "@/components/users/users-table";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/users/user-queries";
import { userListQuerySchema } from "@/lib/users/user-schemas";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const query = userListQuerySchema.parse(await searchParams);
  const { rows, total } = await listUsers(await getDb(), admin.organization.id, query);
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/admin", label: "Admin" }, { label: "Users & Roles" }, { label: "Users" }]}
      />
      <PageHeader
        title="Users"
        description="People in your organization. Their role decides what they may do in the console and through the API."
        actions={
          <Link href="/admin/users/new" className={buttonClasses()}>
            Create user
          </Link>
        }
      />
      <UsersTable
        rows={rows.map((row) => ({
          id: row.id,
          name: row.name,
          email: row.email,
          roleName: row.roleName,
          active: row.active,
          canSignIn: row.canSignIn,
          lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
        }))}
        total={total}
        state={query}
      />
    </>
  );
}
