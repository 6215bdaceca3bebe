import type { Metadata } from "next";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listRoles } from "@/lib/roles/role-queries";

export const metadata: Metadata = { title: "Create user" };

export default async function NewUserPage() {
  const admin = await requireAdmin();
  const roles = await listRoles(await getDb(), admin.organization.id);
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
      <CreateUserForm roles={roles.map((role) => ({ id: role.id, name: role.name }))} />
    </>
  );
}
