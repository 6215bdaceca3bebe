import type { Metadata } from "next";
import { RoleForm } from "@/components/roles/role-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { grantableScopes, loadGrantCeiling } from "@/lib/roles/grant-ceiling";
import { actorOf } from "@/lib/users/user-commands";

export const metadata: Metadata = { title: "Create role" };

export default async function NewRolePage() {
  const admin = await requireAdmin();
  const ceiling = await loadGrantCeiling(await getDb(), admin.organization.id, actorOf(admin));
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
      <RoleForm grantable={grantableScopes(ceiling)} />
    </>
  );
}
