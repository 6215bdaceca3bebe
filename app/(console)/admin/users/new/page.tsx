import type { Metadata } from "next";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { roleAssignmentRefusal } from "@/lib/roles/role-assignment";
import { listRoles } from "@/lib/roles/role-queries";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "Create user" };

export default async function NewUserPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const [roles, ceiling] = await Promise.all([
    listRoles(db, admin.organization.id),
    loadGrantCeiling(db, admin.organization.id, actorOf(admin)),
  ]);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/users", label: "Users" },
          { label: "Create user" },
        ]}
      />
      <PageHeader
        title="Create user"
        description="The user signs in to the console with this email and password."
      />
      <CreateUserForm
        roles={roles.map((role) => ({
          id: role.id,
          name: role.name,
          assignable: roleAssignmentRefusal(ceiling, role) === null,
        }))}
      />
    </>
  );
}
