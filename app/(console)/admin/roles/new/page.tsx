import type { Metadata } from "next";
import { RoleForm } from "@/components/roles/role-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Create role" };

export default async function NewRolePage() {
  await requireAdmin();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/roles", label: "Roles" },
          { label: "Create role" },
        ]}
      />
      <PageHeader
        title="Create role"
        description="A new role holds nothing until you grant it: switch on what its users need, and allow only the permissions they use."
      />
      <RoleForm />
    </>
  );
}
